// The one place where the agent reaches outside its package: the protocol it shares with the
// server (namespace, messages, printer types). esbuild bundles it into the single file.
export * from '../../server/printing/agent-protocol';
