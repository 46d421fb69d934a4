// The org emulator's query engines: SOQL (query, queryAll, validation-rule conditions) and SOSL (search,
// parameterizedSearch). Pure functions over the contracts in ../model/types.ts; every refusal is a
// SalesforceError carrying Salesforce's code and message. The HTTP layer pages the rows.
export { runSoql, compileCondition } from './soql/run-soql.ts';
export { runSosl } from './sosl/run-sosl.ts';
export { runParameterizedSearch } from './sosl/parameterized.ts';
export type {
  ParameterizedSearchRequest,
  ParameterizedSearchBody,
  ParameterizedSearchObject
} from './sosl/parameterized.ts';
