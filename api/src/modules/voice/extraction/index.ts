export { extractOutcome } from './extract-outcome';
export type {
  DataCollectionValue,
  Extraction,
  ExtractionInput,
  ExtractionSource,
  TranscriptTurn,
} from './types';
