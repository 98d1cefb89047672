// What the Share dialog offers: the link to this view, and an <iframe> snippet that embeds it.

/** The link with embed=1 added (a link for a course page shows no header of its own). */
export function embedUrl(url: string): string {
  const hashAt = url.indexOf('#');
  if (hashAt < 0) return `${url}#embed=1`;
  const hash = url.slice(hashAt + 1);
  if (/(^|&)embed=1(&|$)/.test(hash)) return url;
  return `${url}&embed=1`;
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function embedCode(url: string, width = 960, height = 640): string {
  return (
    `<iframe src="${escapeAttribute(embedUrl(url))}" title="Autodiff Playground" ` +
    `width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
