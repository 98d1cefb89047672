import type { AnswerKey as AnswerKeyData } from './worksheet.ts';

export interface AnswerKeyProps {
  /** The formula as the learner typed it (rendered as text, never as markup). */
  formula: string;
  answers: AnswerKeyData;
}

/** The filled-in trace table that a worksheet prints on its own page after the blank one. */
export function AnswerKey({ formula, answers }: AnswerKeyProps) {
  return (
    <section className="print-answer-key" aria-label="Answer key">
      <h2>Answer key</h2>
      <p className="print-answer-key__formula">{formula}</p>
      <table aria-label="Answer key">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Operation</th>
            <th scope="col">Value</th>
            <th scope="col">Local partials</th>
            <th scope="col">{answers.derivativeHeading}</th>
          </tr>
        </thead>
        <tbody>
          {answers.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td>{row.operation}</td>
              <td className="print-answer-key__num">{row.value}</td>
              <td>{row.partials}</td>
              <td className="print-answer-key__num">{row.derivative}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
