// Compiles large formulas off the main thread, so pasting a megabyte of text never freezes the
// page: lex, parse and graph building run here, and the graph goes back in parts
// (compileTransfer.ts) so the page never spends one long task receiving it. The graph is also
// evaluated here at the point the page uses, so the page's trace need not sweep it again.
import { evaluateAt } from './compileEvaluation.ts';
import { compileSource } from './core.ts';
import { replyMessages, type CompileReply } from './compileTransfer.ts';

export interface CompileRequest {
  id: number;
  source: string;
  merge: boolean;
  /** The values the user set (name, value): the graph is evaluated there too. */
  point?: [string, number][];
}

self.onmessage = (event: MessageEvent<CompileRequest>) => {
  const { id, source, merge, point } = event.data;
  try {
    const built = compileSource(source, merge);
    const evaluated = built.ok && point ? evaluateAt(built.graph, point) : undefined;
    for (const { message, transfer } of replyMessages(id, built, evaluated)) {
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
