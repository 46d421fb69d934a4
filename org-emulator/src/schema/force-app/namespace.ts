// Package names in a subscriber org: every custom object, field, relationship and metadata type from force-app
// carries the namespace prefix (`swb__Sync_Status__c`, `swb__Lead__r`); standard names never do.

const CUSTOM_SUFFIX = /__(c|r|mdt|e|b|x)$/;
const ALREADY_NAMESPACED = /^[A-Za-z][A-Za-z0-9]*__[A-Za-z]/;

/** `Sync_Status__c` → `swb__Sync_Status__c` when a namespace is set; standard names pass through. */
export function qualify(name: string, namespace: string | null): string {
  if (!namespace || !CUSTOM_SUFFIX.test(name)) return name;
  const withoutSuffix = name.replace(CUSTOM_SUFFIX, '');
  if (ALREADY_NAMESPACED.test(withoutSuffix)) return name;
  return `${namespace}__${name}`;
}

/** The relationship name of a custom lookup `Lead__c` → `Lead__r` (namespaced like its field). */
export function relationshipNameOf(fieldName: string): string {
  return fieldName.replace(/__c$/, '__r');
}

export function isCustomName(name: string): boolean {
  return CUSTOM_SUFFIX.test(name);
}
