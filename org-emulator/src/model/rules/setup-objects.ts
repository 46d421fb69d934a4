// User and Group defaults the platform fills in.
import type { ObjectRules } from './context.ts';
import { str } from './context.ts';

export const userRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    if (ctx.op !== 'insert') return;
    if (v['CommunityNickname'] == null) {
      v['CommunityNickname'] = (str(v, 'Username') ?? 'user').split('@')[0]!.slice(0, 30) + ctx.id.slice(-5);
    }
    if (v['UserType'] == null) v['UserType'] = 'Standard';
  }
};

export const groupRules: ObjectRules = {
  derive(ctx): void {
    const v = ctx.values;
    if (ctx.op === 'insert' && v['DeveloperName'] == null) {
      v['DeveloperName'] = (str(v, 'Name') ?? 'Group').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    }
  }
};
