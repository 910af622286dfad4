/**
 * Team CSV: reading uploads (decode, dialect, header mapping, values, validation) and writing exports.
 * Pure TypeScript: no React, no database, no Node built-ins; runs in the browser and on the server.
 */
export {
  analyzeTeamCsv,
  analyzeTeamCsvText,
  type AnalyzeTeamCsvOptions,
  type TeamCsvAnalysis,
  type TeamCsvPreview,
} from "./analyze";
export { iterateTeamRows, iterateDecodedTeamRows, TeamCsvRowLimitError } from "./rows";
export { decodeCsvBytes, describeEncoding, type DecodeResult } from "./decode";
export { detectDialect, readRecords, describeDelimiter, type CsvDialect, type CsvRecord } from "./parse";
export {
  resolveMapping,
  matchHeader,
  normalizeHeader,
  mappingToRemember,
  columnLetter,
  type MappingResult,
  type MappingOptions,
} from "./headers";
export { parseRole, ROLE_SYNONYMS, type RoleResult } from "./roles";
export { parseNumericCell, cleanText, type CellResult } from "./values";
export { repSchema, createRowValidator } from "./validate";
export {
  repsToCsv,
  iterateRepsCsv,
  errorsToCsv,
  neutralizeCell,
  csvCell,
  formatNumberCell,
  TEMPLATE_HEADERS,
  CSV_BOM,
} from "./export";
export {
  applyCellEdits,
  fileWithErrorColumn,
  inlineFixRefusalMessage,
  MAX_INLINE_FIXES,
  type CellEdits,
  type InlineFixRefusal,
} from "./edits";
export { templateCsv, TEMPLATE_EXAMPLE_REP } from "./template";
export {
  MAX_BYTES,
  MAX_ROWS,
  MAX_COLUMNS,
  MAX_REPORTED_ERRORS,
  SAMPLE_ROWS,
  checkCsvByteSize,
  tooManyRowsMessage,
} from "./limits";
export {
  TEAM_FIELDS,
  NAME_PART_FIELDS,
  MAPPING_TARGETS,
  MAPPING_TARGET_SPECS,
  fieldSpec,
  isMappingTarget,
  type TeamField,
  type MappingTarget,
  type NamePart,
  type FieldKind,
  type TeamFieldSpec,
} from "./fields";
export { columnOverridesSchema, rememberedMappingSchema, mappingTargetSchema } from "./schemas";
export type * from "./types";
