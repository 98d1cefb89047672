// Compiles large formulas off the main thread, so pasting a megabyte of text never freezes the
// page: lex, parse and graph building run here, and the graph goes back in parts
// (compileTransfer.ts) so the page never spends one long task receiving it.
import { compileSource } from './core.ts';
import { replyMessages, type CompileReply } from './compileTransfer.ts';

export interface CompileRequest {
  id: number;
  source: string;
  merge: boolean;
}

self.onmessage = (event: MessageEvent<CompileRequest>) => {
  const { id, source, merge } = event.data;
  try {
    for (const { message, transfer } of replyMessages(id, compileSource(source, merge))) {
      self.postMessage(message, { transfer });
    }
  } catch (error) {
    const reply: CompileReply = {
      id,
      kind: 'error',
      error: error instanceof Error ? error.message : String(error),
    };
    self.postMessage(reply);
  }
};
