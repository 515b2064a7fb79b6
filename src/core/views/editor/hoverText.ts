/**
 * Hover texts for what stands in a log's text (Markdown; every piece of log text escaped with
 * `safeMd`). The links are built by the caller (command URIs are a VS Code matter), so this stays
 * pure and testable.
 */
import {
  describeAction,
  describeErrorCategory,
  describeInitiatorType,
  describeStatus,
  describeStepType,
  type EnumDoc,
} from '../../catalog/enumDocs';
import type { LoadedLog } from '../../log/loadedLog';
import { errorCodeHover, skipReasonHover } from './codeHover';
import type { HoverLinks } from './hoverParts';
import { changeHover, cycleHover, jobHover } from './idHover';
import type { LogToken, TokenRole } from './logTokenAt';
import { mdInert as safeMd } from '../../common/markdownText';

export type { HoverLinks } from './hoverParts';

export function hoverMarkdown(model: LoadedLog, token: LogToken, links: HoverLinks): string | undefined {
  switch (token.role) {
    case 'errorCode':
      return errorCodeHover(model, token.index, token.value, links);
    case 'skipReason':
      return skipReasonHover(token.value);
    case 'changeId':
      return changeHover(model, token.index, token.value, links);
    case 'cycleId':
      return cycleHover(model, token.index, token.value, links);
    case 'jobId':
      return jobHover(model, token.index, token.value, links);
    case 'action':
    case 'status':
    case 'stepType':
    case 'errorCategory':
    case 'initiatorType':
      return enumHover(token.role, token.value, token.numeric);
  }
}

type EnumRole = Exclude<TokenRole, 'errorCode' | 'skipReason' | 'changeId' | 'cycleId' | 'jobId'>;

const ENUMS: Readonly<Record<EnumRole, { name: string; describe: (v: string) => EnumDoc | undefined }>> = {
  action: { name: 'provisioning action', describe: describeAction },
  status: { name: 'status', describe: describeStatus },
  stepType: { name: 'provisioning step type', describe: describeStepType },
  errorCategory: { name: 'error category', describe: describeErrorCategory },
  initiatorType: { name: 'initiator type', describe: describeInitiatorType },
};

/** What an enum value means; numbers (diagnostic exports) are named first. */
export function enumHover(role: EnumRole, value: string, numeric: boolean): string | undefined {
  const { name, describe } = ENUMS[role];
  const doc = describe(value);
  if (doc === undefined) return undefined;
  const head = numeric
    ? `**${safeMd(value)}** is **${doc.label}** · ${name} (Azure Monitor exports write it as its number)`
    : `**${doc.label}** · ${name}`;
  return `${head}\n\n${doc.meaning}`;
}
