// Native file dialogs as an injected dependency: Electron shows real ones (main/electron); the
// e2e harness answers with the file a test has chosen. Paths stay in main, never in the renderer.
export interface FileDialogs {
  /** Where to save a new backup; null when the practitioner cancels. */
  chooseSaveFile(suggestedName: string): Promise<string | null>;
  /** Which backup to open; null when the practitioner cancels. */
  chooseOpenFile(): Promise<string | null>;
}
