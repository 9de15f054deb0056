export function minifyCssTemplate(pieces: readonly string[]): string[] | null;
export function minifyCssTemplates(code: string, ast: unknown): string;
