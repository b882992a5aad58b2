/**
 * The hub's explorer: GraphiQL, bundled at build time by esbuild (scripts/build-explorer.ts) and
 * served by the gateway from /explorer/, so the page loads nothing from any other host. The example
 * operations (gateway/examples/*.graphql) arrive in the page as JSON and open as the initial tabs;
 * the "Examples" sidebar plugin reopens any of them in a new tab.
 */
import './workers';
import 'graphiql/style.css';
import './explorer.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { createRoot } from 'react-dom/client';

interface ExampleOperation {
  name: string;
  title: string;
  document: string;
}

function readExamples(): ExampleOperation[] {
  const element = document.getElementById('hub-examples');
  if (!element?.textContent) return [];
  return JSON.parse(element.textContent) as ExampleOperation[];
}

const examples = readExamples();

/** Headers the hub prefills (a development token when it runs with its development secret). */
function readDefaultHeaders(): string | undefined {
  const element = document.getElementById('hub-explorer-config');
  if (!element?.textContent) return undefined;
  const config = JSON.parse(element.textContent) as { headers: Record<string, string> | null };
  return config.headers ? JSON.stringify(config.headers, null, 2) : undefined;
}

const defaultHeaders = readDefaultHeaders();

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d="M4 5h16M4 12h16M4 19h10" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  );
}

function ExamplesList() {
  const actions = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  return (
    <div className="hub-examples">
      <div className="graphiql-doc-explorer-title">示例 Examples</div>
      <ul>
        {examples.map((example) => (
          <li key={example.name}>
            <button
              type="button"
              className="graphiql-un-styled hub-example"
              data-example={example.name}
              onClick={() => {
                // A new tab keeps whatever the user is editing in the current one. The editor, not
                // the tab state, is the source of truth: setting its value updates the tab too.
                actions.addTab();
                queryEditor?.setValue(example.document);
              }}
            >
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const examplesPlugin: GraphiQLPlugin = { title: '示例 Examples', icon: ExamplesIcon, content: ExamplesList };

// Same-origin, relative to the page, so a hub behind a path prefix still works.
const fetcher = createGraphiQLFetcher({ url: new URL('graphql', window.location.href).toString() });

const root = document.getElementById('graphiql');
if (!root) throw new Error('explorer: #graphiql element missing');
createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={examples.map((example) => ({ query: example.document, headers: defaultHeaders }))}
    defaultHeaders={defaultHeaders}
    plugins={[examplesPlugin]}
  >
    <GraphiQL.Logo>共治联邦枢纽 · Co-governance hub</GraphiQL.Logo>
  </GraphiQL>,
);
