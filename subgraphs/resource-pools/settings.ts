import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import type { ResourcePoolsSettings } from './env.js';
import type { MatchConfig } from './domain/matching.js';
import { peerPartnerDirectory, unavailablePartnerDirectory, type PartnerDirectory } from './partner-directory.js';

/** What matching works with: the configured weights and limits (env.ts) and where partner data comes from. */
export interface MatchingSettings {
  match: MatchConfig;
  /** proposeAllocations: share of each community's open demands guaranteed before any gets more. */
  fairMinShare: number;
  partners: PartnerDirectory;
}

/** `peers`: the subgraph's peer client, through which pairing and credit data come from co-building. */
export function matchingSettingsFrom(settings: ResourcePoolsSettings, peers: PeerClient | undefined): MatchingSettings {
  return {
    match: settings.match,
    fairMinShare: settings.fairMinShare,
    partners: peers?.knows('co-building') ? peerPartnerDirectory(peers, { cacheTtlMs: settings.partnerCacheTtlMs }) : unavailablePartnerDirectory,
  };
}
