-- Separation of duties (lib/auth/policy.ts SEPARATION_OF_DUTIES) compares who took each step of an
-- incident: the actor's identity (role, subject and scope ids: lib/auth/caller.ts identityKey), not
-- only the subject shown as `actor`, so two accounts that share a subject are never taken for one.
-- Entries written before this column, and those of jobs (system:escalation), have none: the policy
-- then compares the subject.
ALTER TABLE incident_events ADD COLUMN actor_key text;
