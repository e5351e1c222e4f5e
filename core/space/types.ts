/** The data model of a search space. Plain, serializable records; behaviour lives in SearchSpace. */

export type Value = number | string | boolean;

/** A configuration: values of the *active* hyperparameters only, keyed by name. */
export type Config = Readonly<Record<string, Value>>;

interface HyperparameterBase {
  readonly name: string;
  /** Free-form metadata carried through ConfigSpace JSON ("meta"). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Non-uniform priors of ConfigSpace's normal_* / beta_* hyperparameters (kept for round-trips and sampling). */
export type Prior =
  | { readonly kind: 'normal'; readonly mu: number; readonly sigma: number }
  | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number };

export interface FloatHyperparameter extends HyperparameterBase {
  readonly type: 'float';
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly default: number;
  /** Quantization step (ConfigSpace 'q'), if any. */
  readonly q?: number;
  readonly prior?: Prior;
}

export interface IntHyperparameter extends HyperparameterBase {
  readonly type: 'int';
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly default: number;
  readonly q?: number;
  readonly prior?: Prior;
}

export interface CategoricalHyperparameter extends HyperparameterBase {
  readonly type: 'categorical';
  readonly choices: readonly Value[];
  readonly default: Value;
  /** Sampling weights (ConfigSpace 'weights' / 'probabilities'); uniform when absent. */
  readonly weights?: readonly number[];
}

export interface OrdinalHyperparameter extends HyperparameterBase {
  readonly type: 'ordinal';
  readonly sequence: readonly Value[];
  readonly default: Value;
}

export interface ConstantHyperparameter extends HyperparameterBase {
  readonly type: 'constant';
  readonly value: Value;
}

export type Hyperparameter =
  | FloatHyperparameter
  | IntHyperparameter
  | CategoricalHyperparameter
  | OrdinalHyperparameter
  | ConstantHyperparameter;

export type HyperparameterType = Hyperparameter['type'];

/** A test on one parent hyperparameter's value. */
export type ConditionClause =
  | { readonly type: 'EQ' | 'NEQ' | 'LT' | 'GT'; readonly parent: string; readonly value: Value }
  | { readonly type: 'IN'; readonly parent: string; readonly values: readonly Value[] }
  | { readonly type: 'AND' | 'OR'; readonly clauses: readonly ConditionClause[] };

/** `child` is active only when its parents are active and `clause` holds. */
export interface Condition {
  readonly child: string;
  readonly clause: ConditionClause;
}

/** A combination of values that must never be proposed. */
export type Forbidden =
  | { readonly type: 'EQUALS'; readonly name: string; readonly value: Value }
  | { readonly type: 'IN'; readonly name: string; readonly values: readonly Value[] }
  | { readonly type: 'LESS' | 'EQUALS_RELATION' | 'GREATER'; readonly left: string; readonly right: string }
  | { readonly type: 'AND'; readonly clauses: readonly Forbidden[] };

export interface SearchSpaceDefinition {
  readonly hyperparameters: readonly Hyperparameter[];
  readonly conditions?: readonly Condition[];
  readonly forbiddens?: readonly Forbidden[];
  /** ConfigSpace's optional space name. */
  readonly name?: string;
  /** How the space was serialized when read from ConfigSpace JSON, so writing it back is lossless. */
  readonly serialization?: ConfigSpaceSerialization;
}

/** The two ConfigSpace JSON layouts: 0.x `json.write` ('legacy') and 1.x `to_serialized_dict` ('v1'). */
export type ConfigSpaceFormat = 'legacy' | 'v1';

/** Header and dialect of a ConfigSpace JSON document, kept to write it back unchanged. */
export interface ConfigSpaceSerialization {
  readonly format: ConfigSpaceFormat;
  readonly pythonModuleVersion: string;
  /** `json_format_version` (legacy) or `format_version` (v1). */
  readonly formatVersion: number;
  /** Legacy only: categorical weights were written as 'probabilities' (0.4.x) or 'weights' (0.5+). */
  readonly weightsKey?: 'probabilities' | 'weights';
  /** Legacy only: numeric hyperparameters carried a 'q' key (null when unquantized), as 0.5+ wrote them. */
  readonly writesQ?: boolean;
}
