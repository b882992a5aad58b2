/**
 * The parsing primitives every service's env.ts is built from (docs/configuration.md lists every variable).
 * A service reads its whole environment once at start, in its own env.ts, into a frozen typed object it
 * passes down; nothing below a main.ts reads process.env. A bad value stops the start with one line per
 * variable naming it and the accepted form, all problems at once, so an operator fixes them in one go.
 */

/** The environment a service reads: process.env in production, a plain object in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  /** Stable code for a refused configuration, whatever the variable. */
  readonly code = 'INVALID_CONFIGURATION';
}

type Presence<Value> = { kind: 'required' } | { kind: 'optional' } | { kind: 'default'; value: Value };

/**
 * One variable's accepted form (`form` completes "expected …" in error messages) and how its text
 * becomes a value. Unset and empty (`FOO=`) are the same: the default, nothing, or an error if required.
 */
export class Variable<Value> {
  constructor(
    readonly form: string,
    /** The value, or undefined when the text is not of the accepted form. */
    private readonly parse: (text: string) => Value | undefined,
    private readonly presence: Presence<Value> = { kind: 'required' },
    /** Secrets are never echoed in error messages. */
    readonly secret = false,
  ) {}

  default(value: Value): Variable<Value> {
    return new Variable(this.form, this.parse, { kind: 'default', value }, this.secret);
  }

  optional(): Variable<Value | undefined> {
    return new Variable<Value | undefined>(this.form, this.parse, { kind: 'optional' }, this.secret);
  }

  /** The value of `text`, or a problem (what is wrong, without the variable's name). */
  read(text: string | undefined): { value: Value } | { problem: string } {
    const trimmed = text?.trim() ?? '';
    if (trimmed === '') {
      if (this.presence.kind === 'default') return { value: this.presence.value };
      if (this.presence.kind === 'optional') return { value: undefined as Value };
      return { problem: `is not set; expected ${this.form}` };
    }
    const value = this.parse(trimmed);
    if (value !== undefined) return { value };
    return { problem: `${this.secret ? 'is' : `is "${text}",`} not accepted; expected ${this.form}` };
  }
}

export type ValueOf<Spec> = Spec extends Variable<infer Value> ? Value : never;
export type EnvSpec = Record<string, Variable<unknown>>;
export type EnvValues<Spec extends EnvSpec> = { readonly [Name in keyof Spec]: ValueOf<Spec[Name]> };

/**
 * Reads every variable of `spec` from `env`. Throws one ConfigurationError listing every bad
 * variable, one line each: `<service>: <VARIABLE> is "<text>", not accepted; expected <form>`.
 */
export function readEnv<Spec extends EnvSpec>(service: string, spec: Spec, env: Environment): EnvValues<Spec> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const result = variable.read(env[name]);
    if ('problem' in result) problems.push(`${service}: ${name} ${result.problem}`);
    else values[name] = result.value;
  }
  if (problems.length > 0) throw new ConfigurationError(problems.join('\n'));
  return Object.freeze(values) as EnvValues<Spec>;
}

/** Freezes a service's settings object and everything in it, so no module changes what another reads. */
export function deepFreeze<Settings>(settings: Settings): Settings {
  if (settings !== null && typeof settings === 'object' && !Object.isFrozen(settings)) {
    Object.freeze(settings);
    for (const value of Object.values(settings)) deepFreeze(value);
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Primitives

const between = (min: number, max: number) => `from ${min} to ${max}`;

/** A whole number within bounds. */
export function integer(bounds: { min: number; max: number }): Variable<number> {
  return new Variable(`an integer ${between(bounds.min, bounds.max)}`, (text) => {
    if (!/^[+-]?\d+$/.test(text)) return undefined;
    const value = Number(text);
    return value >= bounds.min && value <= bounds.max ? value : undefined;
  });
}

/** A decimal number within bounds; `above` excludes the lower bound (e.g. a positive distance). */
export function decimal(bounds: { min: number; max: number; above?: boolean }): Variable<number> {
  const lower = bounds.above ? `above ${bounds.min}` : `from ${bounds.min}`;
  return new Variable(`a number ${lower} to ${bounds.max}`, (text) => {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
    const value = Number(text);
    const aboveMin = bounds.above ? value > bounds.min : value >= bounds.min;
    return aboveMin && value <= bounds.max ? value : undefined;
  });
}

export function port(): Variable<number> {
  return integer({ min: 0, max: 65_535 });
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

function formatMs(ms: number): string {
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * A duration in milliseconds within bounds: a bare number of milliseconds (`5000`, as the variables'
 * `_MS` names say) or a number with a unit (`500ms`, `5s`, `2m`, `1h`).
 */
export function duration(bounds: { min: number; max: number }): Variable<number> {
  return new Variable(`a duration from ${formatMs(bounds.min)} to ${formatMs(bounds.max)} (milliseconds, or with a unit: 500ms, 5s, 2m, 1h)`, (text) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
    if (!match) return undefined;
    const value = Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!);
    return value >= bounds.min && value <= bounds.max ? value : undefined;
  });
}

/** `true` or `false`. */
export function flag(): Variable<boolean> {
  return new Variable('true or false', (text) => (text === 'true' ? true : text === 'false' ? false : undefined));
}

/** One of a fixed set of words. */
export function oneOf<const Word extends string>(words: readonly Word[]): Variable<Word> {
  return new Variable(`one of ${words.join(', ')}`, (text) => ((words as readonly string[]).includes(text) ? (text as Word) : undefined));
}

/** Free text; with `pattern`, text matching it (`form` says what it must look like). */
export function text(rule?: { pattern: RegExp; form: string }): Variable<string> {
  return new Variable(rule?.form ?? 'text', (value) => (rule === undefined || rule.pattern.test(value) ? value : undefined));
}

/** An absolute URL whose protocol is one of `protocols` (without the colon). */
export function url(protocols: readonly string[] = ['http', 'https']): Variable<string> {
  return new Variable(`an absolute ${protocols.join(' or ')} URL`, (value) => {
    try {
      return protocols.includes(new URL(value).protocol.replace(/:$/, '')) ? value : undefined;
    } catch {
      return undefined;
    }
  });
}

/** A PostgreSQL connection URL (may hold a password: never echoed). */
export function postgresUrl(): Variable<string> {
  return new Variable('a postgres:// or postgresql:// URL', (value) => (/^postgres(ql)?:\/\/\S+$/.test(value) ? value : undefined), undefined, true);
}

/** One secret of at least `minLength` characters. */
export function secret(minLength = 32): Variable<string> {
  return new Variable(`a secret of at least ${minLength} characters`, (value) => (value.length >= minLength ? value : undefined), undefined, true);
}

/** A comma-separated list, entries trimmed, empty entries dropped (`a, b,` is `a` and `b`). */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * Comma-separated secrets, each at least `minLength` characters, trimmed: the first signs, all
 * verify, so a key is rotated by adding the new one first, then removing the old one.
 */
export function secretList(minLength = 32): Variable<readonly string[]> {
  return new Variable(
    `comma-separated secrets, each at least ${minLength} characters (the first signs, all verify)`,
    (value) => {
      const secrets = splitList(value);
      return secrets.length > 0 && secrets.every((entry) => entry.length >= minLength) ? Object.freeze(secrets) : undefined;
    },
    undefined,
    true,
  );
}

/**
 * For a main.ts: the configuration `read` returns, or, when it is refused, its lines on stderr
 * (`ConfigurationError: <service>: <VARIABLE> …`, without a stack trace that says nothing more) and exit code 1.
 */
export function configurationOrExit<Settings>(read: () => Settings): Settings {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(
      `${error.message
        .split('\n')
        .map((line) => `${error.name}: ${line}`)
        .join('\n')}\n`,
    );
    process.exit(1);
  }
}
