// Reply texts are templates with `{name}` placeholders; one function fills them for SMTP, POP3 and IMAP.

export type TemplateVars = Readonly<Record<string, string | number>>

/** The placeholder names of a template, as a type: `'{host} POP3 server ready. {timestamp}'` → `'host' | 'timestamp'`. */
export type Placeholders<T extends string> = T extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never

/**
 * The argument list a reply helper takes for a template: nothing when it has no placeholder, else one object
 * naming every placeholder (those in `Optional` may be left out: the engine has a default for them).
 */
export type TemplateArgs<T extends string, Optional extends string = never> = [Exclude<Placeholders<T>, Optional>] extends [never]
  ? [vars?: { readonly [K in Placeholders<T>]?: string | number }]
  : [vars: { readonly [K in Exclude<Placeholders<T>, Optional>]: string | number } & { readonly [K in Placeholders<T> & Optional]?: string | number }]

/** Fills `{name}` placeholders in one pass (a value is never read as a template); unknown names stay as written. */
export function fillTemplate(text: string, vars: TemplateVars = {}): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, key: string) => {
    const v = Object.hasOwn(vars, key) ? vars[key] : undefined
    return v === undefined ? whole : String(v)
  })
}
