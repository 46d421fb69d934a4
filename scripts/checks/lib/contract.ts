// The package contract (package-contract.json): required fields, the fields holding personal data, the custom
// metadata records the package ships, and the Integration access table, validated on load
// so that a typo in the contract is reported as such instead of as a missing field.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Access = z.enum(['read', 'create', 'edit']);

const ContractSchema = z.object({
  expectedComponentTypes: z.array(z.string().min(1)),
  requiredFields: z.array(
    z.object({
      field: z.string().regex(/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/, 'Object.Field'),
      type: z.string().optional(),
      restricted: z.boolean().optional(),
      values: z.array(z.string()).optional(),
      externalId: z.boolean().optional(),
      unique: z.boolean().optional(),
      referenceTo: z.string().optional()
    })
  ),
  personalDataFields: z.array(z.string().regex(/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/, 'Object.Field')),
  customMetadataRecords: z.array(
    z.object({
      record: z.string().regex(/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/, 'Type.Record'),
      protected: z.boolean(),
      values: z.record(z.string(), z.string())
    })
  ),
  integrationPermissionSet: z.object({
    name: z.string().min(1),
    objects: z.record(z.string(), z.array(Access)),
    userPermissions: z.array(z.string()),
    requiredUserPermissions: z.array(z.string()),
    fieldObjects: z.array(z.string()),
    customMetadataTypes: z.array(z.string())
  })
});

export type PackageContract = z.infer<typeof ContractSchema>;
export type RequiredField = PackageContract['requiredFields'][number];
export type RequiredRecord = PackageContract['customMetadataRecords'][number];
export type AccessTable = PackageContract['integrationPermissionSet'];

export function loadContract(file: string): PackageContract {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the package contract ${file}: ${(e as Error).message}`);
  }
  const parsed = ContractSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`the package contract ${file} is invalid: ${issues}`);
  }
  return parsed.data;
}
