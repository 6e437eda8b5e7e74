import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Composes rover.yaml the way `rover supergraph compose` does, with @apollo/composition and no
 * network: rover's config format in, a federation 2 supergraph SDL out.
 */
const roverConfigSchema = z.object({
  federation_version: z
    .string()
    .regex(/^=?2(\.\d+){0,2}$/, 'expected a federation 2 version such as "=2.7.1"'),
  subgraphs: z.record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
    z.object({
      routing_url: z.string().url(),
      schema: z.object({ file: z.string().min(1) }),
    }),
  ),
});

export interface CompositionResult {
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

export function composeFromRoverConfig(configPath: string): CompositionResult {
  const baseDir = path.dirname(configPath);
  const config = roverConfigSchema.safeParse(parseYaml(readFileSync(configPath, 'utf8')));
  if (!config.success) {
    return {
      errors: config.error.issues.map((issue) => `${configPath}: ${issue.path.join('.')}: ${issue.message}`),
      hints: [],
    };
  }
  const services = [];
  const errors: string[] = [];
  for (const [name, subgraph] of Object.entries(config.data.subgraphs)) {
    const file = path.resolve(baseDir, subgraph.schema.file);
    try {
      services.push({ name, url: subgraph.routing_url, typeDefs: parse(readFileSync(file, 'utf8')) });
    } catch (error) {
      errors.push(`subgraph "${name}" (${path.relative(process.cwd(), file)}): ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) return { errors, hints: [] };
  const result = composeServices(services);
  const hints = (result.hints ?? []).map((hint) => `${hint.definition.code}: ${hint.message}`);
  if (result.errors) {
    return {
      errors: result.errors.map((error) => {
        const code = (error.extensions?.code as string | undefined) ?? 'COMPOSITION_ERROR';
        return `${code}: ${error.message}`;
      }),
      hints,
    };
  }
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, errors: [], hints };
}
