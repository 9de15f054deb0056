export interface LitWarning {
  file: string;
  code: string;
  message: string;
}
export function litWarningsOf(sessions: readonly { testFile: string; logs?: unknown[][] }[]): LitWarning[];
export function isLitDevModeNotice(args: readonly unknown[]): boolean;
