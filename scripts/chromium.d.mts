export declare function chromiumLaunchOptions(): { args: string[]; executablePath?: string };
