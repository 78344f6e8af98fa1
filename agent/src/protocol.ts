// The one place where the agent reaches outside its package: the protocol it shares with the
// server (namespace, messages, printer types), in the repository's contract/. esbuild bundles it
// into the single file.
export * from '../../contract/agent';
