import { z } from 'zod';

/**
 * Parses environment variables with a zod schema and fails fast with every problem listed at once,
 * so an operator fixes a misconfiguration in one go rather than one restart per variable.
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  service: string,
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigurationError(`${service}: invalid configuration\n${lines.join('\n')}`);
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export const portSchema = z.coerce.number().int().min(0).max(65535);
export const databaseUrlSchema = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

/** An on/off switch such as HUB_DEBUG_ERRORS: `true` or `false` (unset: off). */
export const switchSchema = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');
