/**
 * zod/mini loads no locale, so an issue's `message` would read only "Invalid input". The places that show a schema's
 * own words (a cadre field of the wrong type in `llct check`, a golden case's input, an event payload) read them in
 * English, as zod's classic face gave them: "Invalid input: expected string, received number". Imported by
 * enums.ts, which every document schema imports. The Vietnamese texts are the engine's own (describeSchemaIssues).
 */
import { z } from 'zod/mini';

z.config(z.locales.en());
