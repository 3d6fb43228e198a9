/**
 * What an inspected run recorded, as the kernel client hands it over: the kernel's JSON
 * (untrusted: learner code runs in the kernel) parsed into a trace and a bytecode listing,
 * or the reason, worded for a learner, why either is missing. The client imports this
 * lazily, so pages that never inspect a run never load it.
 */
import type { InspectionPart } from '../protocol';
import type { Bytecode } from './bytecode-schema';
import { parseBytecodeJson } from './read-bytecode';
import { parseTraceJson } from './read-trace';
import type { Trace } from './trace-schema';

export type Inspection = { trace?: Trace; bytecode?: Bytecode; error?: string };

export function readInspection(raw: { trace?: InspectionPart; bytecode?: InspectionPart }): Inspection {
  const inspection: Inspection = {};
  const errors: string[] = [];
  if (raw.trace) {
    if ('error' in raw.trace) errors.push(raw.trace.error);
    else {
      try {
        inspection.trace = parseTraceJson(raw.trace.json, "the kernel's trace");
      } catch (error) {
        errors.push(`The trace could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (raw.bytecode) {
    if ('error' in raw.bytecode) errors.push(raw.bytecode.error);
    else {
      try {
        inspection.bytecode = parseBytecodeJson(raw.bytecode.json, "the kernel's bytecode");
      } catch (error) {
        errors.push(`The bytecode could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (errors.length) inspection.error = errors.join(' ');
  return inspection;
}
