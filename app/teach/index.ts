// The teaching panels, each self-contained and driven by props; the app wires them to the store.
export { TraceTable } from './TraceTable.tsx';
export type { TraceTableProps } from './TraceTable.tsx';
export { TraceExport } from './TraceExport.tsx';
export { MathView, useKatexReady } from './MathView.tsx';
export type { MathViewProps } from './MathView.tsx';
export { FormulaTex } from './FormulaTex.tsx';
export type { FormulaTexProps } from './FormulaTex.tsx';
export { CostPanel } from './CostPanel.tsx';
export type { CostPanelProps } from './CostPanel.tsx';
export { ErrorPlot } from './ErrorPlot.tsx';
export type { ErrorPlotProps } from './ErrorPlot.tsx';
export { FunctionSlice } from './FunctionSlice.tsx';
export type { FunctionSliceProps } from './FunctionSlice.tsx';
export { traceTableModel, operationText, stepNode } from './trace-rows.ts';
export { traceToLatex, traceToMarkdown, traceToCsv } from './trace-export.ts';
export { formulaTex } from './formula-tex.ts';
export { compareModes, compareMerge } from './cost.ts';
export { variableTex, numberTex, wengertTex, escapeLatexText } from './tex-parts.ts';
