export function minifyCssTemplate(pieces: readonly string[]): string[] | null;
export function minifyHtmlTemplate(pieces: readonly string[]): string[] | null;
export function minifyLitTemplates(code: string, ast: unknown): string;
