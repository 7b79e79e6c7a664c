/**
 * The guide format: the trainer's contract. This file is the single source of truth; the JSON
 * Schema in guides/guide.schema.json is generated from it (`npm run guides:schema`), so the
 * descriptions below are what trainers see as editor hints.
 */
import { z } from 'zod';
import { CRM_IDS } from '../adapters';
import { DEFAULT_WAIT_MS } from './defaults';
import { FORMAT_PRESET_NAMES } from './formatPresets';
import { MAX_PATTERN_LENGTH, patternProblem } from './formats';
import { safeHref } from './text';

export const GUIDE_SCHEMA_VERSION = 1;

export const STEP_KINDS = [
  'tooltip',
  'spotlight',
  'hotspot',
  'modal',
  'fieldTip',
  'survey',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const ADVANCE_ON = ['next', 'click', 'input', 'change', 'visible', 'route'] as const;
export type AdvanceOn = (typeof ADVANCE_ON)[number];

export const PLACEMENTS = [
  'auto',
  'top',
  'top-start',
  'top-end',
  'bottom',
  'bottom-start',
  'bottom-end',
  'left',
  'left-start',
  'left-end',
  'right',
  'right-start',
  'right-end',
] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64');
const title = z.string().trim().min(1).max(120);
const body = z.string().trim().min(1).max(2000);
export const localeTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale such as fr or pt-BR');

const pagePattern = z
  .string()
  .min(1)
  .max(200)
  .describe('A page type such as "Opportunity:record"; "*" matches any run of characters.');

/**
 * A path on the CRM's own site, never another site: the launcher opens it in the rep's tab
 * before starting the guide, so an author cannot send reps anywhere else.
 */
const startUrl = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/, 'a path on the CRM such as /lightning/o/Opportunity/list')
  .describe(
    'Where the launcher takes a rep to start this guide from another page: a path on the CRM, such as "/lightning/o/Opportunity/list" or "/app#/deals".',
  );

const localizedText = z
  .object({ title: title.optional(), body: body.optional() })
  .strict()
  .describe('Text for one locale; anything left out falls back to the guide text.');

/** One line of an announcement bar: the step text's markdown, never a line break. */
const announcementText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => !/[\r\n]/.test(text), 'an announcement is one line: no line breaks')
  .describe('One line of plain text with **bold** and *italic*; at most 200 characters.');
const linkLabel = z.string().trim().min(1).max(60);

/** The guide-level text for one locale: the guide's, and its announcement's. */
const localizedGuideText = z
  .object({
    title: title.optional(),
    body: body.optional(),
    announcement: z
      .object({ text: announcementText.optional(), label: linkLabel.optional() })
      .strict()
      .optional()
      .describe("The announcement's text and link label in this locale."),
  })
  .strict()
  .describe('Text for one locale; anything left out falls back to the guide text.');

export const announcementSchema = z
  .object({
    text: announcementText,
    link: z
      .object({
        label: linkLabel.describe('The words of the link.'),
        url: z
          .string()
          .max(2000)
          .refine((href) => safeHref(href) !== null, 'a link is https:// or a path in the CRM (/…)')
          .optional()
          .describe('A page to open: https://… or a path in the CRM such as /app/reports.'),
        guide: slug.optional().describe('Or the id of a guide to start.'),
      })
      .strict()
      .refine((link) => (link.url === undefined) !== (link.guide === undefined), {
        message: 'a link has a url or a guide, one of them',
      })
      .optional(),
  })
  .strict()
  .describe(
    'Makes the guide a one-line bar at the top of matching pages, shown until the user dismisses or follows it (once per version). An announcement has no steps.',
  );
export type Announcement = z.infer<typeof announcementSchema>;

export const targetSchema = z
  .object({
    anchor: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The CRM's own semantic anchor: Salesforce data-target-selection-name, Dynamics data-id, HubSpot data-test-id, demo data-anchor.",
      ),
    testId: z.string().min(1).optional().describe('A data-testid (or data-test-id) value.'),
    css: z.string().min(1).optional().describe('A CSS selector; one vote among the others.'),
    role: z
      .string()
      .regex(/^[a-z]+$/)
      .optional()
      .describe('ARIA role (button, link, textbox, combobox, tab…), with name or text.'),
    name: z.string().min(1).optional().describe('Accessible name, used with role.'),
    label: z.string().min(1).optional().describe('The visible label of a form field.'),
    text: z.string().min(1).optional().describe('The visible text of the element.'),
    nth: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Which of several equally good matches, in page order, counting from 0.'),
    frame: z
      .string()
      .min(1)
      .optional()
      .describe('CSS selector of the same-origin iframe the target lives in.'),
  })
  .strict()
  .refine(
    (t) => Boolean(t.anchor || t.testId || t.css || t.role || t.label || t.text),
    'a target needs at least one of anchor, testId, css, role, label or text',
  )
  .describe(
    'How to find an element. Every strategy given votes; the element with most votes wins. Hidden elements never win.',
  );
export type Target = z.infer<typeof targetSchema>;

export const advanceSchema = z
  .object({
    on: z
      .enum(ADVANCE_ON)
      .describe(
        'next: the Next button; click: a click on the target; input/change: the field is edited; visible: the target appears; route: the page type changes.',
      ),
    page: pagePattern
      .optional()
      .describe('For route: the page type to reach (any change if omitted).'),
  })
  .strict();
export type Advance = z.infer<typeof advanceSchema>;

const stepBase = {
  id: slug.describe('Unique within the guide; reported in usage events.'),
  title: title.optional(),
  body: body
    .optional()
    .describe('Plain text with **bold**, *italic*, [links](https://…) and "- " lists.'),
  page: pagePattern
    .optional()
    .describe('The page type this step appears on (multi-page walkthroughs). Default: any page.'),
  wait: z
    .number()
    .int()
    .min(0)
    .max(60000)
    .optional()
    .describe(
      `Milliseconds to wait for the target before "can't find this" (default ${DEFAULT_WAIT_MS}).`,
    ),
  locales: z.record(localeTag, localizedText).optional(),
  advance: advanceSchema.optional().describe('What completes the step (default: the Next button).'),
};

const anchored = {
  target: targetSchema,
  placement: z.enum(PLACEMENTS).optional().describe('Where the bubble sits (default auto).'),
};

export const stepSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('tooltip'), ...stepBase, ...anchored })
    .strict()
    .describe('A bubble anchored to an element.'),
  z
    .object({ kind: z.literal('spotlight'), ...stepBase, ...anchored })
    .strict()
    .describe('Dims the page around the target.'),
  z
    .object({ kind: z.literal('hotspot'), ...stepBase, ...anchored })
    .strict()
    .describe('A pulsing beacon on the target that opens a bubble.'),
  z
    .object({ kind: z.literal('modal'), ...stepBase })
    .strict()
    .describe('A centred dialog with no target.'),
  z
    .object({ kind: z.literal('fieldTip'), ...stepBase, ...anchored })
    .strict()
    .describe('A tip beside a form field.'),
  z
    .object({
      kind: z.literal('survey'),
      ...stepBase,
      question: z.string().trim().min(1).max(300),
      scale: z.enum(['1-5', '0-10']).describe('Score range. Surveys never ask for free text.'),
    })
    .strict()
    .describe('A one-question score (1–5 or 0–10).'),
]);
export type Step = z.infer<typeof stepSchema>;
export type AnchoredStep = Extract<Step, { target: Target }>;

export const fieldRuleSchema = z
  .object({
    id: slug
      .optional()
      .describe('Names the field in "fields left empty" figures (default: its label).'),
    target: targetSchema,
    page: pagePattern.describe('The page type of the form.'),
    required: z.boolean().optional(),
    format: z
      .enum(FORMAT_PRESET_NAMES)
      .optional()
      .describe('A ready-made format the value must have: email, phone, url, date or number.'),
    pattern: z
      .string()
      .min(1)
      .max(MAX_PATTERN_LENGTH)
      .optional()
      .describe(
        'Or a custom format: a regular expression in RE2 syntax (no lookaround, no backreferences) the value must match. Checked in the browser only.',
      ),
    picklist: z.array(z.string().min(1)).min(1).optional().describe('Values to suggest.'),
    message: body.describe('The tip shown while the field is empty or invalid.'),
  })
  .strict()
  .refine((r) => r.format === undefined || r.pattern === undefined, {
    message: 'a rule has one format: format or pattern, not both',
    path: ['pattern'],
  })
  .describe(
    'A data-quality rule for one field: required, and at most one format. Values are checked locally and never stored.',
  );
export type FieldRule = z.infer<typeof fieldRuleSchema>;

/** Who sees a guide (or a pilot of a new version): cohorts, a stable share, a date window. */
export const rolloutSchema = z
  .object({
    cohorts: z.array(slug).min(1).optional().describe('Only users in one of these cohorts.'),
    percent: z.number().min(0).max(100).default(100).describe('Share of users, stable per user.'),
    from: z.iso.date().optional().describe('First day (YYYY-MM-DD), inclusive.'),
    until: z.iso.date().optional().describe('Last day (YYYY-MM-DD), inclusive.'),
  })
  .strict();

export type Rollout = z.infer<typeof rolloutSchema>;

export const guideSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(GUIDE_SCHEMA_VERSION),
    id: slug.describe('Unique across all guides.'),
    version: z.number().int().min(1).describe('Raise it when the steps change.'),
    title,
    description: body.optional(),
    roles: z.array(slug).min(1).describe('Roles that see this guide, e.g. ["rep", "manager"].'),
    crm: z.enum(CRM_IDS),
    match: z
      .object({
        page: z.union([pagePattern, z.array(pagePattern).min(1)]).optional(),
        url: z
          .string()
          .min(1)
          .optional()
          .describe(
            'A pattern matched against the path and hash route ("/app/opportunities/*", "/app#/deals/*"), or, when it starts with https:// or http://, against the whole address without its query ("https://crm.acme.com/*"); "*" matches any run.',
          ),
      })
      .strict()
      .refine((m) => m.page !== undefined || m.url !== undefined, 'match needs page or url')
      .describe('Where the guide is offered (and where it auto-launches).'),
    launch: z
      .object({
        mode: z
          .enum(['auto', 'manual'])
          .describe('auto: starts on a matching page; manual: from the launcher.'),
        once: z
          .boolean()
          .default(true)
          .describe('Never auto-start again after it was finished or closed.'),
      })
      .strict()
      .default({ mode: 'manual', once: true }),
    rollout: rolloutSchema.optional(),
    checklist: z.boolean().default(true).describe("Listed in the role's onboarding checklist."),
    startUrl: startUrl.optional(),
    locales: z.record(localeTag, localizedGuideText).optional(),
    announcement: announcementSchema.optional(),
    steps: z
      .array(stepSchema)
      .max(50)
      .describe('The walkthrough: at least one step, or none for an announcement.'),
    fields: z.array(fieldRuleSchema).optional(),
  })
  .strict()
  .superRefine((guide, ctx) => {
    if (guide.announcement) {
      if (guide.steps.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps'],
          message: 'an announcement has no steps: its one line is all it shows',
        });
      }
      if (guide.launch.mode === 'auto') {
        ctx.addIssue({
          code: 'custom',
          path: ['launch', 'mode'],
          message: 'an announcement is never launched as a walkthrough: leave launch out',
        });
      }
      if (guide.announcement.link?.guide === guide.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['announcement', 'link', 'guide'],
          message: 'an announcement cannot start itself',
        });
      }
    } else if (guide.steps.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: 'a guide needs at least one step (or an announcement)',
      });
    }
    const seen = new Set<string>();
    guide.steps.forEach((step, i) => {
      if (seen.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'id'],
          message: `step id "${step.id}" is used twice`,
        });
      }
      seen.add(step.id);
      const on = step.advance?.on;
      if (
        (on === 'click' || on === 'input' || on === 'change' || on === 'visible') &&
        !('target' in step)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'advance', 'on'],
          message: `"${on}" needs a target, and a ${step.kind} step has none`,
        });
      }
      if (step.advance?.page !== undefined && on !== 'route') {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'advance', 'page'],
          message: 'page only applies when advancing on route',
        });
      }
    });
    // One format per field: rules naming the same field by the same target cannot add formats
    // and learn a value one yes-or-no at a time.
    const formatted = new Map<string, number>();
    guide.fields?.forEach((rule, i) => {
      if (rule.pattern !== undefined) {
        const problem = patternProblem(rule.pattern);
        if (problem) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'pattern'], message: problem });
        }
      }
      if (rule.pattern === undefined && rule.format === undefined) return;
      const field = JSON.stringify(rule.target);
      const first = formatted.get(field);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i],
          message: `fields[${first}] already gives this field a format; a field has at most one`,
        });
      } else formatted.set(field, i);
    });
    const { from, until } = guide.rollout ?? {};
    if (from && until && from > until) {
      ctx.addIssue({
        code: 'custom',
        path: ['rollout', 'until'],
        message: 'is before rollout.from',
      });
    }
  });
export type Guide = z.infer<typeof guideSchema>;
export type GuideInput = z.input<typeof guideSchema>;
