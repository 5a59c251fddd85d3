import '@mantine/dates/styles.css';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Chip,
  FileInput,
  Group,
  NumberInput,
  Pill,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateTimePicker, TimeInput } from '@mantine/dates';
import {
  CampaignStatus,
  VoicePurpose,
  type AddRecipientsResult,
  type CampaignLaunchView,
  type CreateCampaignDto,
  type ImportRecipientsResult,
} from '@navaia/shared';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Fact, Section } from '../../../components/ui/detail-parts';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { PageHeader } from '../../../components/ui/page-header';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { describeError } from '../../../lib/form-errors';
import { formatInZone, wallClockToIso } from '../../../lib/tenant-time';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useCheckRecipients, useLaunchCampaign } from '../api/campaign-mutations';
import { describeWindow, PURPOSE_LABELS, WEEKDAYS } from './campaign-labels';
import { CSV_COLUMNS_HELP, CsvPreview, describeImport, ImportReport } from './csv-report';

type AudienceMode = 'customers' | 'tag' | 'all' | 'csv';
type Limit = number | string;

export interface CampaignDraft {
  name: string;
  purpose: VoicePurpose;
  firstMessage: string;
  description: string;
  variables: { key: string; value: string }[];
  audience: AudienceMode;
  customers: EntityOption[];
  tag: string;
  csvFile: File | null;
  /** The chosen file's text, once read. */
  csvText: string | null;
  /** A wall-clock time in the tenant's zone, from the picker; empty to start when asked. */
  scheduledAt: string | null;
  ownWindow: boolean;
  windowStart: string;
  windowEnd: string;
  days: string[];
  maxConcurrentCalls: Limit;
  maxAttempts: Limit;
  retryDelayMinutes: Limit;
}

const AUDIENCE_OPTIONS = [
  { value: 'customers', label: 'Chosen customers' },
  { value: 'tag', label: 'By tag' },
  { value: 'all', label: 'All customers' },
  { value: 'csv', label: 'CSV upload' },
];
const PURPOSE_OPTIONS = Object.values(VoicePurpose).map((value) => ({
  value,
  label: PURPOSE_LABELS[value],
}));
const VARIABLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The campaign's limits; left empty, the API's defaults apply. */
const LIMIT_FIELDS = [
  { field: 'maxConcurrentCalls', label: 'Calls at once', max: 100 },
  { field: 'maxAttempts', label: 'Attempts per customer', max: 10 },
  { field: 'retryDelayMinutes', label: 'Retry after (minutes)', max: 7 * 24 * 60 },
] as const;

type Errors = Partial<Record<string, string>>;

/** What is missing or wrong on one step; an empty object lets the wizard move on. */
function validateStep(step: number, draft: CampaignDraft): Errors {
  const errors: Errors = {};
  if (step === 0) {
    if (!draft.name.trim()) errors.name = 'Name the campaign';
    draft.variables.forEach(({ key }, index) => {
      if (!VARIABLE_KEY.test(key.trim())) {
        errors[`variable.${index}`] = 'Letters, digits and _ only, not starting with a digit';
      }
    });
  }
  if (step === 1) {
    if (draft.audience === 'customers' && draft.customers.length === 0) {
      errors.customers = 'Pick at least one customer';
    }
    if (draft.audience === 'tag' && !draft.tag.trim()) errors.tag = 'Enter a tag';
    if (draft.audience === 'csv' && draft.csvText === null) errors.csv = 'Choose a CSV file';
  }
  if (step === 2 && draft.ownWindow) {
    if (!draft.windowStart) errors.windowStart = 'Enter a start time';
    if (!draft.windowEnd) errors.windowEnd = 'Enter an end time';
    if (draft.days.length === 0) errors.days = 'Pick at least one day';
  }
  return errors;
}

const limit = (value: Limit) => (typeof value === 'number' ? value : undefined);

/** The one request body a draft makes: the campaign with its audience (customers or a CSV file). */
export function toCreateBody(draft: CampaignDraft, zone: string): CreateCampaignDto {
  const campaign: CreateCampaignDto = {
    name: draft.name.trim(),
    purpose: draft.purpose,
    description: draft.description.trim() || null,
    firstMessage: draft.firstMessage.trim() || null,
    scheduledAt: draft.scheduledAt ? wallClockToIso(draft.scheduledAt, zone) : null,
    callingWindow: draft.ownWindow
      ? {
          start: draft.windowStart,
          end: draft.windowEnd,
          days: draft.days.map(Number).sort((a, b) => a - b),
        }
      : undefined,
    maxConcurrentCalls: limit(draft.maxConcurrentCalls),
    maxAttempts: limit(draft.maxAttempts),
    retryDelayMinutes: limit(draft.retryDelayMinutes),
    variables: Object.fromEntries(draft.variables.map(({ key, value }) => [key.trim(), value])),
  };
  if (draft.audience === 'csv') return { ...campaign, csv: draft.csvText ?? '' };
  if (draft.audience === 'customers')
    return { ...campaign, customerIds: draft.customers.map((customer) => customer.id) };
  if (draft.audience === 'tag') return { ...campaign, filter: { tag: draft.tag.trim() } };
  return { ...campaign, filter: { all: true } };
}

/** Why the wizard cannot go on with the CSV file as checked so far, or null. */
function checkError(
  status: 'idle' | 'pending' | 'error' | 'success',
  result: ImportRecipientsResult | undefined,
): string | null {
  if (status === 'pending') return 'The file is still being checked';
  if (status !== 'success' || !result) return 'This file cannot be imported; choose another';
  if (result.added === 0) return 'No row of this file would be added';
  return null;
}

function csvSummary(file: File | null, result: ImportRecipientsResult | undefined): string {
  if (!result) return file?.name ?? '—';
  const rejected = result.rejected.length;
  return `${file?.name ?? 'CSV file'}: ${result.added} of ${result.rows} rows would be added (${result.createdCustomers} new customers, ${result.updatedCustomers} updated)${rejected ? `, ${rejected} rejected` : ''}`;
}

function emptyDraft(): CampaignDraft {
  return {
    name: '',
    purpose: VoicePurpose.Sales,
    firstMessage: '',
    description: '',
    variables: [],
    audience: 'customers',
    customers: [],
    tag: '',
    csvFile: null,
    csvText: null,
    scheduledAt: null,
    ownWindow: false,
    windowStart: '09:00',
    windowEnd: '18:00',
    days: ['1', '2', '3', '4', '5'],
    maxConcurrentCalls: '',
    maxAttempts: '',
    retryDelayMinutes: '',
  };
}

/** How many of the audience were added, and why the others were not, in one sentence. */
export function describeRecipients({ added, skipped }: AddRecipientsResult): string {
  const reasons = [
    [skipped.doNotCall, 'do-not-call'],
    [skipped.duplicate, 'duplicate'],
    [skipped.alreadyInCampaign, 'already in the campaign'],
    [skipped.unknown, 'not found (deleted or mistyped ids)'],
  ] as const;
  const why = reasons.flatMap(([n, reason]) => (n > 0 ? [`${n} ${reason}`] : [])).join(', ');
  return `${added} ${added === 1 ? 'customer' : 'customers'} added${skipped.total > 0 ? `; ${skipped.total} skipped: ${why}` : ''}.`;
}

/** What the launch did, for the notification shown on the campaign's page. */
export function describeLaunch(view: CampaignLaunchView): string {
  const done =
    view.status === CampaignStatus.Draft
      ? 'Saved as a draft'
      : view.status === CampaignStatus.Scheduled
        ? 'Scheduled'
        : 'Started';
  const audience = view.imported
    ? describeImport(view.imported)
    : view.recipients
      ? describeRecipients(view.recipients)
      : null;
  return audience ? `${done}: ${audience}` : `${done}.`;
}

/**
 * A new campaign in four steps: what the agent says, whom it calls, when and how hard it tries,
 * and a last look before saving it as a draft or starting it.
 */
export function CampaignWizard({ CustomerSelect }: { CustomerSelect: EntitySelect }) {
  const { tenant } = useAuthenticatedSession();
  const zone = tenant.timezone;
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<CampaignDraft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [startAsked, setStartAsked] = useState(false);
  const launch = useLaunchCampaign();
  const check = useCheckRecipients();
  const navigate = useNavigate();
  // The file last picked: reading an earlier one may finish after it.
  const picked = useRef<File | null>(null);

  const update = (changes: Partial<CampaignDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const next = () => {
    const found = validateStep(step, draft);
    if (step === 1 && draft.audience === 'csv' && !found.csv) {
      const csvError = checkError(check.status, check.data);
      if (csvError) found.csv = csvError;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) setStep((s) => s + 1);
  };
  const pickCsv = async (file: File | null) => {
    picked.current = file;
    update({ csvFile: file, csvText: null });
    check.reset();
    if (!file) return;
    const text = await file.text();
    if (picked.current !== file) return;
    update({ csvText: text });
    check.mutate(text);
  };
  // One key per submission: clicking again after a lost answer replays the first launch
  // instead of creating a second campaign; a changed body is a new submission.
  const submission = useRef<{ key: string; body: string } | null>(null);
  const submit = (start: boolean) => {
    setStartAsked(start);
    const body: CreateCampaignDto = { ...toCreateBody(draft, zone), start };
    const serialized = JSON.stringify(body);
    if (submission.current?.body !== serialized)
      submission.current = { key: newIdempotencyKey(), body: serialized };
    launch.mutate(
      { body, idempotencyKey: submission.current.key },
      {
        onSuccess: (view) => {
          notifySuccess(describeLaunch(view));
          void navigate(`/campaigns/${view.id}`);
        },
      },
    );
  };

  const setVariable = (index: number, changes: Partial<{ key: string; value: string }>) =>
    update({
      variables: draft.variables.map((row, i) => (i === index ? { ...row, ...changes } : row)),
    });

  const campaign = toCreateBody(draft, zone);
  const windowText = campaign.callingWindow
    ? describeWindow(campaign.callingWindow)
    : `The organisation's (${tenant.callingWindow.start}–${tenant.callingWindow.end})`;
  const audienceText =
    draft.audience === 'customers'
      ? draft.customers.map((customer) => customer.label).join(', ')
      : draft.audience === 'tag'
        ? `Customers tagged "${draft.tag.trim()}"`
        : draft.audience === 'csv'
          ? csvSummary(draft.csvFile, check.data)
          : 'All customers';

  return (
    <Stack gap="lg">
      <PageHeader
        title="New campaign"
        description="The AI agent phones each customer in the audience, inside the calling window."
      />
      <Stepper active={step} onStepClick={(target) => target < step && setStep(target)}>
        <Stepper.Step label="Details" description="What the agent says">
          <Stack gap="sm" maw={640} pt="md">
            <TextInput
              label="Name"
              required
              value={draft.name}
              onChange={(event) => update({ name: event.currentTarget.value })}
              error={errors.name}
              maxLength={120}
            />
            <Select
              label="Purpose"
              data={PURPOSE_OPTIONS}
              value={draft.purpose}
              onChange={(value) => value && update({ purpose: value as VoicePurpose })}
              allowDeselect={false}
            />
            <Textarea
              label="Opening line"
              description="What the agent says first; {{customer_name}} and your variables are filled in per customer."
              autosize
              minRows={2}
              maxLength={500}
              value={draft.firstMessage}
              onChange={(event) => update({ firstMessage: event.currentTarget.value })}
            />
            <Textarea
              label="Description"
              autosize
              minRows={2}
              maxLength={2000}
              value={draft.description}
              onChange={(event) => update({ description: event.currentTarget.value })}
            />
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Variables
              </Text>
              {draft.variables.map((row, index) => (
                <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={`Variable ${index + 1} name`}
                    placeholder="offer"
                    value={row.key}
                    onChange={(event) => setVariable(index, { key: event.currentTarget.value })}
                    error={errors[`variable.${index}`]}
                    w={200}
                  />
                  <TextInput
                    aria-label={`Variable ${index + 1} value`}
                    placeholder="10 % off your next visit"
                    value={row.value}
                    onChange={(event) => setVariable(index, { value: event.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`Remove variable ${index + 1}`}
                    onClick={() =>
                      update({ variables: draft.variables.filter((_, i) => i !== index) })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() =>
                    update({ variables: [...draft.variables, { key: '', value: '' }] })
                  }
                >
                  Add variable
                </Button>
              </Group>
            </Stack>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label="Audience" description="Whom it calls">
          <Stack gap="sm" maw={640} pt="md">
            <SegmentedControl
              aria-label="Audience"
              data={AUDIENCE_OPTIONS}
              value={draft.audience}
              onChange={(value) => update({ audience: value as AudienceMode })}
            />
            {draft.audience === 'customers' && (
              <>
                <CustomerSelect
                  // A fresh picker after each pick, so the next search starts empty.
                  key={draft.customers.length}
                  label="Add a customer"
                  value={null}
                  error={errors.customers}
                  onChange={(id, option) => {
                    if (!id || draft.customers.some((customer) => customer.id === id)) return;
                    update({ customers: [...draft.customers, option ?? { id, label: id }] });
                  }}
                />
                <Group gap={6} aria-label="Chosen customers" role="list">
                  {draft.customers.map((customer) => (
                    <Pill
                      key={customer.id}
                      role="listitem"
                      withRemoveButton
                      removeButtonProps={{ 'aria-label': `Remove ${customer.label}` }}
                      onRemove={() =>
                        update({ customers: draft.customers.filter((c) => c.id !== customer.id) })
                      }
                    >
                      {customer.label}
                    </Pill>
                  ))}
                </Group>
              </>
            )}
            {draft.audience === 'tag' && (
              <TextInput
                label="Tag"
                placeholder="vip"
                value={draft.tag}
                onChange={(event) => update({ tag: event.currentTarget.value })}
                error={errors.tag}
              />
            )}
            {draft.audience === 'csv' && (
              <>
                <Text size="sm" c="dimmed">
                  {CSV_COLUMNS_HELP} Nothing is saved until you save or start the campaign.
                </Text>
                <FileInput
                  label="CSV file"
                  accept=".csv,text/csv"
                  clearable
                  value={draft.csvFile}
                  onChange={(file) => void pickCsv(file)}
                  error={errors.csv}
                />
                {draft.csvText !== null && <CsvPreview text={draft.csvText} />}
                {check.isPending && (
                  <Text size="sm" c="dimmed">
                    Checking the file…
                  </Text>
                )}
                {check.isError && (
                  <Alert color="red" role="alert" icon={<IconAlertCircle size={18} />}>
                    {describeError(check.error)}
                  </Alert>
                )}
                {check.data && <ImportReport result={check.data} checked />}
              </>
            )}
            {draft.audience === 'all' && (
              <Text size="sm" c="dimmed">
                Every customer of the organisation. Do-not-call customers and duplicate numbers are
                skipped.
              </Text>
            )}
          </Stack>
        </Stepper.Step>

        <Stepper.Step label="Schedule" description="When and how often">
          <Stack gap="sm" maw={640} pt="md">
            <DateTimePicker
              label="Start at"
              description={`Leave empty to start when you press Start. Time in ${zone}.`}
              placeholder="When started"
              clearable
              valueFormat="D MMM YYYY HH:mm"
              value={draft.scheduledAt}
              onChange={(value) => update({ scheduledAt: value })}
            />
            <Checkbox
              label="Use its own calling window"
              description={`Otherwise the organisation's: ${tenant.callingWindow.start}–${tenant.callingWindow.end}, in each customer's local time.`}
              checked={draft.ownWindow}
              onChange={(event) => update({ ownWindow: event.currentTarget.checked })}
            />
            {draft.ownWindow && (
              <>
                <Group gap="sm" align="flex-start">
                  <TimeInput
                    label="Calls from"
                    value={draft.windowStart}
                    onChange={(event) => update({ windowStart: event.currentTarget.value })}
                    error={errors.windowStart}
                  />
                  <TimeInput
                    label="Until"
                    value={draft.windowEnd}
                    onChange={(event) => update({ windowEnd: event.currentTarget.value })}
                    error={errors.windowEnd}
                  />
                </Group>
                <Stack gap={4}>
                  <Chip.Group multiple value={draft.days} onChange={(days) => update({ days })}>
                    <Group gap={6} aria-label="Calling days" role="group">
                      {WEEKDAYS.map((day, index) => (
                        <Chip key={day} value={String(index + 1)} size="xs">
                          {day}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {errors.days && (
                    <Text size="xs" c="red">
                      {errors.days}
                    </Text>
                  )}
                </Stack>
              </>
            )}
            <Group gap="sm" align="flex-start" grow>
              {LIMIT_FIELDS.map(({ field, label, max }) => (
                <NumberInput
                  key={field}
                  label={label}
                  placeholder="Default"
                  min={1}
                  max={max}
                  allowDecimal={false}
                  value={draft[field]}
                  onChange={(value) => update({ [field]: value })}
                />
              ))}
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label="Review" description="Save or start">
          <Stack gap="sm" maw={640} pt="md">
            <Section label="Review">
              <Fact label="Name">{campaign.name}</Fact>
              <Fact label="Purpose">{PURPOSE_LABELS[campaign.purpose]}</Fact>
              <Fact label="Opening line">{campaign.firstMessage ?? '—'}</Fact>
              <Fact label="Variables">
                {Object.keys(campaign.variables ?? {}).join(', ') || '—'}
              </Fact>
              <Fact label="Audience">{audienceText}</Fact>
              <Fact label="Starts">
                {campaign.scheduledAt ? formatInZone(campaign.scheduledAt, zone) : 'When started'}
              </Fact>
              <Fact label="Calling window">{windowText}</Fact>
              <Fact label="Calls at once">{campaign.maxConcurrentCalls ?? 'Default'}</Fact>
              <Fact label="Attempts per customer">{campaign.maxAttempts ?? 'Default'}</Fact>
              <Fact label="Retry after">
                {campaign.retryDelayMinutes ? `${campaign.retryDelayMinutes} min` : 'Default'}
              </Fact>
            </Section>
            <FormAlert message={launch.isError ? describeError(launch.error) : null} />
          </Stack>
        </Stepper.Step>
      </Stepper>

      <Group justify="space-between" maw={640}>
        <Button
          variant="default"
          onClick={() => setStep((s) => s - 1)}
          disabled={step === 0 || launch.isPending}
        >
          Back
        </Button>
        {step < 3 ? (
          <Button onClick={next}>Next</Button>
        ) : (
          <Group gap="xs">
            <Button
              variant="default"
              loading={launch.isPending && !startAsked}
              disabled={launch.isPending}
              onClick={() => submit(false)}
            >
              Save as draft
            </Button>
            <Button
              loading={launch.isPending && startAsked}
              disabled={launch.isPending}
              onClick={() => submit(true)}
            >
              {draft.scheduledAt ? 'Schedule' : 'Start now'}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
