// The Content-Security-Policy of the built page (a <meta> that vite.config.ts adds to index.html at
// build time only: the dev server's hot reload needs an inline script this policy forbids).
//   script-src 'self'            no inline scripts, no eval (no 'unsafe-eval' anywhere)
//   style-src 'self' 'unsafe-inline'
//                                KaTeX's typeset HTML carries style="…" attributes (heights,
//                                struts, vertical offsets) that it cannot give as classes; a
//                                style attribute cannot run code, so this is the one allowance
//   img-src 'self' data: blob:   exported PNG/SVG previews and KaTeX's data: SVGs
//   font-src 'self' data:        KaTeX's fonts, bundled
//   worker-src 'self'            the layout worker
//   object-src 'none', base-uri 'none', form-action 'none'
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
