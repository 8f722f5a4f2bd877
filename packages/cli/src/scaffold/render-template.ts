/** Replaces every `{{key}}` in a template; an unknown key is a bug in the template, so it throws. */
export function renderTemplate(template: string, vars: Readonly<Record<string, string>>, file: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`Template ${file} uses {{${key}}}, which the scaffold does not define.`);
    return value;
  });
}

/**
 * The output path of a template file: `.tpl` dropped, and `name@variant.tpl` kept only for its variant
 * (`tsconfig.json@repo.tpl` inside this monorepo, `tsconfig.json@standalone.tpl` elsewhere).
 */
export function outputPath(templatePath: string, variant: string): string | undefined {
  const path = templatePath.replace(/\.tpl$/, '');
  const match = /^(.*)@([a-z]+)$/.exec(path);
  if (!match) return path;
  return match[2] === variant ? match[1] : undefined;
}
