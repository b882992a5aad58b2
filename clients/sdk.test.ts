import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { projectPath } from '../lib/kernel/project-root.js';
import { REFERENCE_FIGURES } from '../seed/plan.js';
import { defaultTestToken } from '../test/support/hub.js';
import { useTestHub } from '../test/support/use-test-hub.js';
import { streetReport, tooLargePage } from './sample/street-report.js';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createHubClient, HubClientError } from './src/index.js';

/**
 * The typed SDK: the sample program compiles against the generated types, a sample with a wrong
 * field does not, and the sample runs against a real hub.
 */
function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    projectPath('clients', 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('clients/tsconfig.json could not be read');
  return { ...parsed.options, noEmit: true };
}

const SAMPLE = 'clients/sample/street-report.ts';
const WRONG_FIELD_SAMPLE = 'clients/sample/invalid/wrong-field.ts';

let sampleDiagnostics: { code: number; file: string; message: string }[] | undefined;

/**
 * The diagnostics of one program holding both samples, compiled once for both tests (a program is
 * most of this file's time): the samples are modules, so neither changes what the other compiles to,
 * and each diagnostic names its file.
 */
function diagnosticsOf(file: string): { code: number; file: string; message: string }[] {
  sampleDiagnostics ??= ts
    .getPreEmitDiagnostics(ts.createProgram([projectPath(SAMPLE), projectPath(WRONG_FIELD_SAMPLE)], compilerOptions()))
    .map((diagnostic) => ({
      code: diagnostic.code,
      file: diagnostic.file?.fileName.replace(projectPath() + '/', '') ?? '',
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
  return sampleDiagnostics.filter((diagnostic) => diagnostic.file !== (file === SAMPLE ? WRONG_FIELD_SAMPLE : SAMPLE));
}

describe('the typed client SDK (clients/)', () => {
  it('compiles the sample program with no diagnostics', () => {
    expect(diagnosticsOf(SAMPLE)).toEqual([]);
  });

  it('rejects a sample that reads a field the operation does not select, a misspelt field and a wrongly typed variable', () => {
    const diagnostics = diagnosticsOf(WRONG_FIELD_SAMPLE);
    expect(diagnostics.every((diagnostic) => diagnostic.file === WRONG_FIELD_SAMPLE)).toBe(true);
    const messages = diagnostics.map((diagnostic) => diagnostic.message).join('\n');
    expect(messages).toMatch(/Property 'area' does not exist/);
    expect(messages).toMatch(/Property 'totalcount' does not exist/);
    expect(messages).toMatch(/Type 'number' is not assignable to type 'string'/);
    expect(diagnostics).toHaveLength(3);
  });

  describe('against a running hub', () => {
    const hub = useTestHub();

    it('runs the sample: typed results of the example operations across all four subgraphs', async () => {
      const report = await streetReport(hub.gatewayUrl, 'CARE_SERVICE', { headers: { authorization: `Bearer ${await defaultTestToken()}` } });
      expect(report.street).toBe('海门街道');
      expect(report.communities).toBe(REFERENCE_FIGURES.communities + REFERENCE_FIGURES.villages);
      expect(report.microGrids).toBe(2190);
      expect(report.largestCommunity?.households).toBeGreaterThan(0);
      expect(report.unitName).toEqual(expect.any(String));
      expect(report.partyChain.length).toBeGreaterThanOrEqual(2);
      expect(report.partyChain.every((name) => name.length > 0)).toBe(true);
      expect(report.careProviders.length).toBeGreaterThan(0);
      expect(report.careProviders).not.toContain('unknown provider');
    });

    it('gives partial answers with requestPartial, and keeps them on HubClientError', async () => {
      // Two roots: the street answers, the page size is refused; the refused root is null, not the whole answer.
      const document = parse('{ street { name } communities(first: 1000) { totalCount } }') as TypedDocumentNode<
        { street: { name: string } | null; communities: { totalCount: number } | null },
        Record<string, never>
      >;
      const hubClient = createHubClient(hub.gatewayUrl, { headers: { authorization: `Bearer ${await defaultTestToken()}` } });
      const partial = await hubClient.requestPartial(document);
      expect(partial.data).toEqual({ street: { name: '海门街道' }, communities: null });
      expect(partial.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const thrown = await hubClient.request(document).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(thrown).toBeInstanceOf(HubClientError);
      expect((thrown as HubClientError).data).toEqual(partial.data);
    });

    it('turns coded errors into HubClientError with code and field', async () => {
      expect(await tooLargePage(hub.gatewayUrl, { headers: { authorization: `Bearer ${await defaultTestToken()}` } })).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });
  });
});
