export declare function chromiumLaunchOptions(): { args: string[]; executablePath?: string };
export declare function findChromium(): { path: string | undefined; source: 'CHROMIUM_PATH' | 'system' | 'playwright' } | null;
export declare function ensureChromium(): { ok: true } | { ok: false; line: string };
