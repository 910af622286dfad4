import type { CellEdits, ColumnOverride, MappingTarget, TeamCsvAnalysis } from "@/lib/csv";

export const PERIODS = ["Last 30 days", "Last quarter", "Last 12 months", "Year to date"];

/** Where the upload is once the user pressed Import: bytes sent, then rows checked, then saving. */
export interface UploadProgress {
  phase: "uploading" | "reading" | "checking" | "saving" | "done";
  bytesSent: number;
  bytesTotal: number;
  rowsChecked: number;
  rowsSaved: number;
  rowsTotal: number;
}

export interface UploadState {
  file: File | null;
  bytes: Uint8Array | null;
  hash: string | null;
  fileError: string | null;
  reading: boolean;
  overrides: ColumnOverride[];
  /** The user's corrections in the preview: row → column index → text. */
  edits: CellEdits;
  analysis: TeamCsvAnalysis | null;
  /** The original file's encoding (a corrected copy is read again as text). */
  encodingLabel: string;
  /** The file with the corrections written in, when there are any (what is uploaded). */
  editedText: string | null;
  /** Why the corrections could not be written into this file, if so. */
  editRefusal: string | null;
  asOf: string;
  period: string;
  allowDuplicate: boolean;
  upload: UploadProgress | null;
  submitError: string | null;
  notice: string | null;
}

export type UploadAction =
  | { type: "choose"; file: File | null }
  | { type: "fileError"; message: string }
  | { type: "loaded"; bytes: Uint8Array; hash: string }
  | {
      type: "analysed";
      analysis: TeamCsvAnalysis;
      encodingLabel: string;
      editedText: string | null;
      editRefusal: string | null;
    }
  | { type: "setTarget"; columnIndex: number; target: MappingTarget | null }
  | { type: "fixCell"; row: number; columnIndex: number; value: string }
  | { type: "clearFixes" }
  | { type: "setAsOf"; value: string }
  | { type: "setPeriod"; value: string }
  | { type: "setAllowDuplicate"; value: boolean }
  | { type: "uploadStarted"; bytesTotal: number }
  | { type: "uploadProgress"; patch: Partial<UploadProgress> }
  | { type: "uploadEnded"; error: string | null; notice?: string | null };

export function initialUploadState(): UploadState {
  return {
    file: null,
    bytes: null,
    hash: null,
    fileError: null,
    reading: false,
    overrides: [],
    edits: new Map(),
    analysis: null,
    encodingLabel: "",
    editedText: null,
    editRefusal: null,
    asOf: new Date().toISOString().slice(0, 10),
    period: PERIODS[0] ?? "Last 30 days",
    allowDuplicate: false,
    upload: null,
    submitError: null,
    notice: null,
  };
}

export function uploadReducer(state: UploadState, action: UploadAction): UploadState {
  switch (action.type) {
    case "choose":
      return {
        ...state,
        file: action.file,
        bytes: null,
        hash: null,
        fileError: null,
        reading: action.file !== null,
        overrides: [],
        edits: new Map(),
        analysis: null,
        editedText: null,
        editRefusal: null,
        allowDuplicate: false,
        submitError: null,
        notice: null,
      };
    case "fileError":
      return { ...state, fileError: action.message, reading: false };
    case "loaded":
      return { ...state, bytes: action.bytes, hash: action.hash };
    case "analysed":
      return {
        ...state,
        analysis: action.analysis,
        encodingLabel: action.encodingLabel,
        editedText: action.editedText,
        editRefusal: action.editRefusal,
        reading: false,
      };
    case "setTarget":
      return {
        ...state,
        reading: true,
        overrides: [
          ...state.overrides.filter((o) => o.columnIndex !== action.columnIndex),
          { columnIndex: action.columnIndex, target: action.target },
        ],
      };
    case "fixCell": {
      const edits = new Map(state.edits);
      const row = new Map(edits.get(action.row) ?? []);
      row.set(action.columnIndex, action.value);
      edits.set(action.row, row);
      return { ...state, edits, reading: true, submitError: null };
    }
    case "clearFixes":
      return { ...state, edits: new Map(), reading: true };
    case "setAsOf":
      return { ...state, asOf: action.value };
    case "setPeriod":
      return { ...state, period: action.value };
    case "setAllowDuplicate":
      return { ...state, allowDuplicate: action.value };
    case "uploadStarted":
      return {
        ...state,
        submitError: null,
        notice: null,
        upload: {
          phase: "uploading",
          bytesSent: 0,
          bytesTotal: action.bytesTotal,
          rowsChecked: 0,
          rowsSaved: 0,
          rowsTotal: 0,
        },
      };
    case "uploadProgress":
      return state.upload ? { ...state, upload: { ...state.upload, ...action.patch } } : state;
    case "uploadEnded":
      return { ...state, upload: null, submitError: action.error, notice: action.notice ?? null };
  }
}
