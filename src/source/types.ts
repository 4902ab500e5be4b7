import type { Diagnostic } from '../diagnostics.js';

export interface SourcePosition {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type WorkflowType = 'STANDARD' | 'EXPRESS';

/** Where one state machine definition sits, and how to map its pointers back to the file. */
export interface MachineSource {
  /** The file as the user named it ("-" for stdin). */
  file: string;
  /** JSON Pointer of the definition inside the file: "" for a bare definition,
   *  "/Resources/OrderMachine/Properties/Definition" in a template. */
  pointer: string;
  /** Logical id (CloudFormation/SAM) or machine name (Serverless); undefined for a bare definition. */
  name?: string;
  /** The parsed definition (JSON value). CloudFormation intrinsics stay as objects; see asl/unresolved.ts. */
  definition: unknown;
  /** Maps a pointer relative to the definition to a position in the file. Lazy: only called for findings. */
  locate(pointer: string): SourcePosition;
  /** Read from the template resource (StateMachineType / SAM Type) when known. */
  workflowType?: WorkflowType;
  /** Findings from loading this definition (duplicate keys, DefinitionString that does not parse …). */
  diagnostics: Diagnostic[];
}

/** The result of loading one file: the machines it holds, or the file-level problems that stopped it. */
export interface LoadedFile {
  file: string;
  machines: MachineSource[];
  /** File-level findings (syntax error, not a state machine nor a template …), positioned in the file. */
  diagnostics: Diagnostic[];
}
