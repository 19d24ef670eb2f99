/**
 * Word lists for the bench generator: a field-service management product (jobs, technicians,
 * quotes, invoices), the kind of backlog a mentor exports from a real tool. Combined at random,
 * they give titles and texts of realistic length and variety (a renderer or a search index is
 * measured on text like a person's, not on "Story 1", "Story 2").
 */

export const PRODUCT_NAME = 'Fieldline';

export const ACTIONS = [
  'filter', 'export', 'bulk-edit', 'search', 'share', 'archive', 'duplicate', 'approve', 'attach photos to',
  'reassign', 'schedule', 'preview', 'print', 'sign off', 'comment on', 'tag', 'sort', 'import', 'sync', 'merge',
  'restore', 'lock', 'price', 'track', 'email', 'compare', 'pin', 'group', 'split', 'reopen', 'forecast', 'audit',
  'colour-code', 'download', 'bookmark', 'rename', 'hide', 'recalculate', 'geotag', 'scan',
] as const;

export const OBJECTS = [
  'jobs', 'quotes', 'invoices', 'technician shifts', 'customer sites', 'work orders', 'parts orders', 'service contracts',
  'van stock', 'timesheets', 'safety checklists', 'site photos', 'customer notes', 'recurring visits', 'warranty claims',
  'supplier prices', 'call-out fees', 'asset histories', 'route plans', 'callback requests', 'job templates',
  'expense receipts', 'gas safety certificates', 'purchase orders', 'crew calendars', 'payment reminders', 'service reports',
  'equipment records', 'holiday requests', 'customer feedback', 'subcontractor jobs', 'follow-up visits', 'boiler readings',
  'fault codes', 'risk assessments', 'mileage claims', 'credit notes', 'deposit payments', 'overtime rates', 'skills matrices',
  'access codes', 'key safes', 'permit-to-work forms', 'lone-worker check-ins', 'refrigerant logs', 'PAT test results',
  'meter readings', 'damage reports', 'travel time', 'job costings', 'labour rates', 'stock transfers', 'serial numbers',
  'loan equipment', 'price books', 'discount rules', 'tax codes', 'booking slots', 'no-access visits', 'cancellation fees',
  'customer portals', 'site inductions', 'vehicle checks', 'fuel cards', 'training records', 'SLA timers', 'escalations',
  'maintenance schedules', 'planned preventive maintenance', 'emergency call-outs', 'quote approvals', 'retentions',
  'variations', 'snagging lists', 'handover packs', 'commissioning sheets', 'engineer notes', 'signature captures',
  'job priorities', 'territories', 'postcode areas', 'appointment windows', 'arrival notifications', 'satisfaction surveys',
  'supplier invoices', 'goods received notes', 'return authorisations', 'warehouse bins', 'barcode labels',
] as const;

export const QUALIFIERS = [
  'by region', 'from the mobile app', 'offline on site', 'for a whole crew', 'in one step', 'with a customer signature',
  'before the visit', 'after hours', 'by due date', 'across several sites', 'without losing my filters', 'from a CSV file',
  'in the weekly view', 'for VAT-registered customers', 'with an audit trail', 'from the dispatch board', 'by technician',
  'in the customer portal', 'on a tablet', 'for overdue accounts', 'with keyboard shortcuts', 'in bulk', 'by job type',
  'per postcode area', 'for housing associations', 'for landlords', 'under the CIS scheme', 'in Welsh', 'in dark mode',
  'for colour-blind users', 'on Android Go phones', 'on the wallboard', 'from an email', 'by SLA breach', 'by priority',
  'for franchisees', 'with two-factor sign-in', 'across time zones', 'at month end', 'for the night shift',
  'with a PDF copy', 'from the map view', 'with voice notes', 'in the Gantt view', 'within the same day', 'by contract',
  'for multi-trade jobs', 'with the job number in the subject', 'on the lock screen', 'without an internet connection',
] as const;

export const BUG_SYMPTOMS = [
  'Wrong total on', 'Crash on', 'Blank screen on', 'Duplicate entries on', 'Slow loading of', 'Missing VAT line on',
  'Stale data on', 'Misaligned columns on', 'Timeout on', 'Lost changes on', 'Wrong time zone on', 'Broken layout of',
  'Double charge from', 'Truncated notes on', 'Unreadable contrast on', 'Infinite spinner on', 'Wrong sort order on',
  'Rounding error on', 'Sync conflict on', 'Incorrect mileage on', 'Empty PDF from', 'Garbled characters on',
] as const;

export const SCREENS = [
  'the dispatch board', 'the job sheet', 'the invoice preview', 'the quote builder', 'the technician home screen',
  'the customer list', 'the route map', 'the timesheet week view', 'the stock count screen', 'the parts catalogue',
  'the reports dashboard', 'the contract renewal page', 'the payment page', 'the sign-in page', 'the portal booking form',
  'the settings page', 'the certificate generator', 'the crew planner', 'the asset detail page', 'the search results',
  'the notifications centre', 'the CSV import wizard', 'the Xero sync log', 'the QuickBooks export', 'the Sage export',
  'the mobile job list', 'the photo gallery', 'the signature pad', 'the SLA report', 'the audit log', 'the price book editor',
] as const;

export const BUG_CONDITIONS = [
  'a discount is applied', 'the job has more than 50 lines', 'the phone is offline', 'two dispatchers edit at once',
  'the customer name has an apostrophe', 'the clocks change', 'a visit spans midnight', 'the app is resumed from background',
  'the invoice is credited', 'a technician is on holiday', 'the postcode is in Northern Ireland', 'a part is out of stock',
  'the screen is zoomed to 200%', 'a job is moved to another day', 'the PDF has more than 20 photos', 'the session expires',
  'VAT is zero-rated', 'the contract renews mid-month', 'the user switches accounts', 'Safari blocks third-party cookies',
] as const;

export const TECH_VERBS = ['Upgrade', 'Migrate', 'Remove', 'Add monitoring for', 'Refactor', 'Add retries to', 'Load-test', 'Document', 'Add feature flag for', 'Deprecate', 'Cache', 'Harden'] as const;

export const COMPONENTS = [
  'the job sync service', 'PDF rendering', 'the Xero connector', 'push notifications', 'the route optimiser',
  'the React Native shell', 'the search index', 'the billing worker', 'the email gateway', 'the SMS provider',
  'the photo upload pipeline', 'the reporting warehouse', 'the public API', 'webhooks', 'the audit log store',
  'the offline database', 'the permissions model', 'the price calculator', 'the scheduler engine', 'the map tiles proxy',
  'session handling', 'the CSV importer', 'the certificate templates', 'the payments integration', 'error tracking',
] as const;

export const TECH_SUFFIXES = ['', '', '', ' to the new version', ' before the peak season', ' behind a flag', ' for EU data residency', ' (tech debt)', ' after the outage review'] as const;

export const CUSTOMERS = [
  'Acme Facilities', 'Brightwater Homes', 'Castle Heating', 'Dunmore Electrical', 'Evergreen Housing', 'Fernside Lifts',
  'Greystone FM', 'Harbour Plumbing', 'Ironbridge Gas', 'Juniper Property', 'Kestrel Fire Safety', 'Larkfield Council',
  'Meridian Cooling', 'Northgate Estates', 'Oakham Solar', 'Pennine Boilers', 'Quayside Hotels', 'Redfern Security',
  'Saltmarsh Care Homes', 'Thornbury Schools', 'Upland Water', 'Valehouse Retail', 'Westcombe NHS Trust', 'Yarrow Leisure',
] as const;

export const SPIKE_QUESTIONS = [
  'can the route optimiser handle 200 jobs a day', 'which offline database survives app updates',
  'how do competitors price call-out fees', 'can we read boiler fault codes over Bluetooth', 'what does Making Tax Digital require of us',
  'can customers self-book without double-booking', 'how much of the PDF time is image resizing', 'is OCR on receipts accurate enough',
  'can we drop the legacy SOAP API', 'what do dispatchers do on Monday mornings', 'how should SLA clocks pause out of hours',
  'does the map provider allow offline tiles',
] as const;

export const ROLES = [
  'dispatcher', 'field technician', 'office manager', 'customer', 'business owner', 'accounts clerk', 'service manager',
  'new technician on probation', 'subcontractor', 'site contact',
] as const;

export const BENEFITS = [
  'I can plan tomorrow’s routes before I leave the office',
  'the customer is billed the same day the job is done',
  'nobody drives to a site twice for the same fault',
  'I do not have to re-type what the technician already wrote',
  'I can answer the customer on the phone without calling the van',
  'we stop losing parts between the warehouse and the van',
  'month-end close takes hours, not days',
  'the crew knows what to bring before they set off',
  'I can prove to the customer what was done and when',
  'new starters can work without shadowing someone for a week',
  'overdue money comes in without awkward phone calls',
  'our insurer accepts the paperwork first time',
  'I see problems before the customer complains',
  'I can hand a job to a colleague without a phone call',
] as const;

export const CONTEXTS = [
  'a job with three visits', 'a technician with no signal', 'an invoice in draft', 'a customer with two sites',
  'a crew of four', 'a quote older than 30 days', 'a recurring visit every month', 'a job marked urgent',
  'a part that is out of stock', 'a contract that renews next week', 'a timesheet with overtime', 'a site with an access code',
] as const;

export const TRIGGERS = [
  'I open it on my phone', 'I save the form', 'the customer signs', 'the dispatcher drags it to another day',
  'I press Export', 'the van comes back online', 'I filter the list', 'a colleague edits it at the same time',
  'the due date passes', 'I undo the change', 'I select 20 items and apply the action', 'I reload the page',
] as const;

export const OUTCOMES = [
  'the change is visible to the whole crew within five seconds', 'nothing I entered is lost',
  'the total includes VAT at the customer’s rate', 'the list keeps its sort order and filters',
  'an audit entry records who changed what and when', 'the customer receives one email, not several',
  'the items appear in the same order as on screen', 'the form shows which field needs fixing',
  'the previous version can be restored from the history', 'the export opens in a spreadsheet without errors',
  'the map shows the new route', 'the counter on the dispatch board updates',
] as const;

export const LOOSE_CRITERIA = [
  'Works with a screen reader and the keyboard alone',
  'The action is recorded in the job history',
  'Loads in under two seconds on a 3G connection',
  'Dates are shown in the customer’s time zone',
  'The existing API keeps working for integrations',
] as const;

export const DESCRIPTION_SENTENCES = [
  'Raised three times in the last customer advisory board.',
  'In the last quarter 14% of support tickets mentioned this.',
  'Dispatchers currently keep a spreadsheet on the side for this.',
  'Two of our five largest customers asked for it at renewal.',
  'Technicians work around it by taking photos of paper forms.',
  'The current behaviour dates from the first version of the app and was never revisited.',
  'Competitors offer this as part of their standard plan.',
  'Design has a prototype from the spring research sprint.',
  'This blocks the move of the last customers off the legacy scheduler.',
  'Accounts estimates two hours a week are spent reconciling this by hand.',
  'The mobile team flagged a performance risk with large lists.',
  'Legal asked for an audit trail before this goes live in the public sector.',
] as const;

export const NOTES = [
  'Check with support before refinement.',
  'Spike first? Unknown how the sync engine handles this.',
  'Split candidate if it grows beyond 8 points.',
  'Customer quote in the research repository, interview 14.',
  '',
] as const;

export const LABELS = [
  'mobile', 'web', 'offline', 'billing', 'scheduling', 'reporting', 'accessibility', 'performance', 'integrations',
  'security', 'gdpr', 'onboarding', 'notifications', 'search', 'tech-debt', 'bug', 'ux', 'api', 'payments',
  'analytics', 'dispatch', 'inventory', 'portal', 'contracts', 'quick-win', 'enterprise', 'compliance', 'sync',
] as const;

export const EPIC_THEMES = [
  'Dispatch board', 'Offline mobile app', 'Quotes to invoices', 'Customer portal', 'Van stock', 'Recurring maintenance',
  'Timesheets and payroll', 'Safety and compliance', 'Route planning', 'Payments', 'Reporting', 'Integrations',
  'Onboarding', 'Notifications', 'Contracts and SLAs', 'Search everywhere', 'Accessibility', 'Subcontractors',
  'Asset register', 'Customer feedback', 'Purchase orders', 'Multi-site customers', 'Audit trail', 'Performance',
] as const;

export const EPIC_PHASES = ['', ' — phase 2', ' — phase 3', ' — enterprise', ' — mobile', ' — v2'] as const;

export const EPIC_COLORS = ['#1c7ed6', '#2f9e44', '#e8590c', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c7cfa', '#66a80f', '#868e96'] as const;

export const GOALS = [
  { title: 'Jobs are invoiced the day they are done', metric: 'Share of jobs invoiced within 24 hours', baseline: '38%', target: '75%', heart: 'task-success' },
  { title: 'Technicians use the app on every visit', metric: 'Weekly active technicians / licensed technicians', baseline: '61%', target: '85%', heart: 'adoption' },
  { title: 'Fewer repeat visits for the same fault', metric: 'Repeat visits within 30 days', baseline: '11%', target: '6%', heart: 'task-success' },
  { title: 'Customers stay past the first renewal', metric: 'Logo retention at first renewal', baseline: '79%', target: '88%', heart: 'retention' },
  { title: 'Dispatchers plan a day in under 20 minutes', metric: 'Median planning time per day (from session logs)', baseline: '47 min', target: '20 min', heart: 'engagement' },
  { title: 'Customers rate visits highly', metric: 'Post-visit CSAT', baseline: '4.1', target: '4.5', heart: 'happiness' },
] as const;

export const PERSONAS = [
  { name: 'Dana Okafor', role: 'Dispatcher at a 40-technician HVAC firm' },
  { name: 'Marek Nowak', role: 'Field technician, electrical' },
  { name: 'Sophie Brandt', role: 'Office manager and accounts' },
  { name: 'Ravi Mehta', role: 'Owner of a 6-van plumbing business' },
  { name: 'Claire Dubois', role: 'Facilities manager at a customer with 30 sites' },
] as const;

export const LANES = [
  { name: 'Dispatch & scheduling', color: '#1c7ed6' },
  { name: 'Mobile & offline', color: '#2f9e44' },
  { name: 'Billing & payments', color: '#e8590c' },
  { name: 'Customers & portal', color: '#ae3ec9' },
  { name: 'Platform', color: '#868e96' },
] as const;

export const ROADMAP_VERBS = ['Launch', 'Rebuild', 'Pilot', 'Extend', 'Simplify', 'Automate', 'Open up', 'Harden'] as const;

export const SPEC_TOPICS = [
  'offline job sheets', 'same-day invoicing', 'the dispatch board redesign', 'customer self-booking', 'van stock tracking',
  'recurring maintenance plans', 'technician timesheets', 'digital safety checklists', 'route optimisation',
  'card payments on site', 'the reporting workspace', 'the accounting integration', 'guided onboarding',
  'smart notifications', 'SLA tracking', 'global search', 'accessible mobile forms', 'subcontractor access',
  'the asset register', 'post-visit feedback',
] as const;

export const SPEC_SENTENCES = [
  'Today this takes a dispatcher most of the morning, and errors show up only when the customer calls.',
  'We interviewed eleven customers across three segments; nine described the same workaround.',
  'The data we need already exists in the job record, but it is not shown where the decision is made.',
  'The first release targets single-site customers; multi-site support follows once we see usage.',
  'We will measure success on the metric below and review it four weeks after launch.',
  'The mobile app must keep working without signal and reconcile changes when it reconnects.',
  'Nothing in this release changes what customers see on their invoices.',
  'Support will get a one-page guide and a recorded walkthrough a week before launch.',
  'If adoption stays below target after six weeks, we will run a second round of interviews before investing further.',
  'Performance matters: the longest lists in production hold several thousand items.',
  'Legal has reviewed the data we store and the retention period of twelve months.',
  'The feature ships behind a flag and is enabled per account.',
  'Engineering estimates six to eight weeks for the first slice with the current team.',
  'We assume technicians keep their phones charged through the day; the pilot will test that.',
  'Design explored three layouts; the one chosen tested best with both novice and experienced users.',
  'The change touches billing, so finance signs off the acceptance tests.',
] as const;

export const SPEC_SECTIONS = ['Problem', 'Who it is for', 'Goals and success metrics', 'Requirements', 'Out of scope', 'Risks and open questions', 'Rollout'] as const;
