// Small networks written as formulas, one binding per hidden unit, so a network is just a
// per-example loss the playground already draws: `h1 = tanh(w1_1*x1 + w1_2*x2 + b1); …`.

export interface NetworkSpec {
  /** Data columns fed to the network. */
  inputs: readonly string[];
  hidden: number;
  activation: 'tanh' | 'sigmoid' | 'relu';
  /** `sigmoid` output with cross-entropy for 0/1 targets; `linear` output with squared error. */
  output: 'linear' | 'sigmoid';
  /** The target column. */
  target: string;
}

export interface NetworkFormula {
  formula: string;
  params: string[];
}

/**
 * The loss of an inputs-hidden-1 network as statements. Weight names: `w{unit}_{input}` (or
 * `w{unit}` with one input), hidden biases `b{unit}`, output weights `v{unit}`, output bias `c`.
 */
export function networkFormula(spec: NetworkSpec): NetworkFormula {
  const params: string[] = [];
  const lines: string[] = [];
  const one = spec.inputs.length === 1;
  for (let u = 1; u <= spec.hidden; u++) {
    const terms = spec.inputs.map((x, i) => {
      const w = one ? `w${u}` : `w${u}_${i + 1}`;
      params.push(w);
      return `${w}*${x}`;
    });
    params.push(`b${u}`);
    lines.push(`h${u} = ${spec.activation}(${terms.join(' + ')} + b${u})`);
  }
  const outTerms = Array.from({ length: spec.hidden }, (_, k) => {
    params.push(`v${k + 1}`);
    return `v${k + 1}*h${k + 1}`;
  });
  params.push('c');
  const sum = `${outTerms.join(' + ')} + c`;
  const y = spec.target;
  if (spec.output === 'sigmoid') {
    lines.push(`p = sigmoid(${sum})`, `-(${y}*log(p) + (1 - ${y})*log(1 - p))`);
  } else {
    lines.push(`p = ${sum}`, `(p - ${y})^2`);
  }
  return { formula: lines.join('\n'), params };
}
