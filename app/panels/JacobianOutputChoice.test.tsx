import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OutputSelect } from './JacobianOutputChoice.tsx';

describe('OutputSelect', () => {
  it('is a labelled chooser with the followed output selected', () => {
    const html = renderToStaticMarkup(
      <OutputSelect index={1} labels={['y₁ = x*y', 'y₂ = sin(x)']} label="Show output" />,
    );
    expect(html).toMatch(/<label for="([^"]+)">Show output<\/label><select id="\1">/);
    expect(html).toContain('<option value="1" selected="">y₂ = sin(x)</option>');
  });
});
