import { describe, expect, it } from 'vitest';
import { findingLines, findings } from './support.js';

const fixture = (name: string) => `no-duplicate-helpers/${name}`;

describe('no-duplicate-helpers on focused fixtures', () => {
  it("components: Vue, Svelte and Astro <script> blocks and Astro frontmatter are read where they are (exact lines and columns); templates, styles and commented-out scripts are not; a module's copy is canonical; a component's top-level bindings are each instance's state", async () => {
    expect(await findingLines(fixture('components'))).toEqual([
      'src/components/Clock.svelte:9:9 error format duplicates formatDuration (src/utils/time.ts:1); import it instead',
      'src/components/PostCard.astro:24:12 error formatClock duplicates formatDuration (src/utils/time.ts:1); import it instead',
      'src/components/Timer.vue:28:10 error formatElapsed duplicates formatDuration (src/utils/time.ts:1); import it instead',
      'src/components/Timer.vue:35:10 error resetTimer duplicates resetTimer (src/components/Stopwatch.vue:11) except for the component state each uses (`elapsed`, `laps`, `running`, `started`): share one copy that takes them as parameters, or a composable or store that holds the state',
      'src/pages/blog/[slug].astro:6:10 error toDisplayDate duplicates formatDate (src/components/PostCard.astro:10); move it to a module both can import (a component cannot export it)',
    ]);
  });

  it("component-frameworks: Vue options (export default or defineComponent): hooks and watchers are the framework's, methods are shared by a mixin; a Svelte module script's export is imported; equal constants are no state; $lib imports of two components are two values; a Svelte store read as `$page` is each instance's state; handlers that only move state between its variables are trivial", async () => {
    expect(await findingLines(fixture('component-frameworks'))).toEqual([
      'src/nav/SideLink.svelte:6:12 error isCurrent duplicates isActive (src/nav/NavLink.svelte:6) except for the component state each uses (`$page`): share one copy that takes it as a parameter, or a composable or store that holds the state',
      'src/options/ProxyDialog.vue:25:9 error deleteConfirm duplicates deleteConfirm (src/options/DockerHostDialog.vue:24); move it to a mixin or composable both use',
      'src/svelte/Link.svelte:5:12 error track duplicates track (src/svelte/Button.svelte:5) except for the component state each uses (`event`) and the literal that differs: share one copy that takes them as parameters, or a composable or store that holds the state',
      'src/svelte/SiteRetention.svelte:11:9 error getRetentionOptions duplicates getRetentionOptions (src/svelte/FunctionRetention.svelte:11); move it to a module both can import (a component cannot export it)',
      'src/svelte/Upload.svelte:4:12 error formatBytes duplicates formatBytes (src/svelte/Size.svelte:2); import it instead',
    ]);
  });

  it('exact: copies that differ only in whitespace and comments (a note naming the project file it was copied from is no vendoring); the documented exported copy is canonical', async () => {
    expect(await findingLines(fixture('exact'))).toEqual([
      'src/orders/summary.ts:4:10 error formatCents duplicates formatCents (src/format/money.ts:2); import it instead',
      'src/reports/daily.ts:2:17 error formatCents duplicates formatCents (src/format/money.ts:2); import it instead',
    ]);
  });

  it('renamed: parameters, locals and name renamed, braces dropped, one message reworded, `?.` for `.`, a method of another class in the same file; a same-shaped helper calling other APIs stays silent', async () => {
    expect(await findingLines(fixture('renamed'))).toEqual([
      'src/billing/charge.ts:2:16 error withRetries duplicates retryWithBackoff (src/shared/retry.ts:1); import it instead, with the literal that differs as a parameter',
      'src/config/widgets.ts:1:10 error makePrefixedUrl duplicates makePrefixedUrl (src/config/open-project.ts:1); export it and import it instead',
      'src/jobs/scheduler.ts:15:9 error LocalScheduleClient.pauseSchedule duplicates HubScheduleClient.pauseSchedule (src/jobs/scheduler.ts:5); move it to a function or base class both use',
    ]);
  });

  it('module-state: copies reading their own module-level values or relative imports are told to take them as parameters, those keeping module-level state to move it with one copy (also a collection other code of the module fills; an empty cache of another type is the same value, a stylesheet is no difference); copies calling their own, different, module function, ports reading other relative imports (also when only the class each dialect imports differs), small functions of two names around their own folder (a relative `import.meta.glob`) and copies listing other files of their own folder (a relative `import()` of other names) are not copies; `import.meta.env` is no difference, nor is the same local function, nor a subpath module imported by default or by its name; two subpaths of a package are two modules, and a name unpacked from an imported package (`const { types } = pg`) is an export of that package', async () => {
    expect(await findingLines(fixture('module-state'))).toEqual([
      'src/cache/labels.ts:3:10 error remember duplicates memoized (src/cache/widths.ts:3); import it instead',
      'src/cells/date-cell.ts:3:17 error dateLabel duplicates createdAtLabel (src/cells/created-at-cell.ts:3); import it instead',
      'src/cli/print-routes.js:7:10 error loadModules duplicates loadModules (src/cli/print-plugins.js:7) except for the module-level state each keeps (`Fastify`): move one copy and that state to one module',
      'src/commands/deploy/help.js:16:23 error loadPlugins duplicates loadPlugins (src/commands/admin/help.js:16) except for where each module is (`import()`): share one copy that takes it as a parameter',
      'src/components/console/Skeleton.tsx:3:17 error Skeleton duplicates Skeleton (src/components/account/Skeleton.tsx:3); import it instead',
      'src/connectors/line/index.ts:4:14 error getAccessToken duplicates getAccessToken (src/connectors/amazon/index.ts:4) except for the module-level `accessTokenEndpoint` each reads: share one copy that takes it as a parameter',
      "src/decorators/skip-changeset.ts:4:17 error SkipChangeset duplicates Public (src/decorators/public.ts:4) except for the module-level `key` each reads: share one copy that takes it as a parameter",
      'src/drivers/node/index.ts:3:17 error connect duplicates connect (src/drivers/http/index.ts:4) except for the module-level `createClient` each reads: share one copy that takes it as a parameter',
      'src/env/web/api-url.ts:2:17 error apiUrl duplicates apiUrl (src/env/admin/api-url.ts:2); import it instead',
      'src/format/b.ts:1:10 error pad duplicates pad (src/format/a.ts:2); export it and import it instead',
      'src/format/b.ts:6:17 error clockTime duplicates clockTime (src/format/a.ts:6); import it instead',
      'src/introspect/introspect-sqlite.ts:6:7 error isCyclic duplicates isCyclic (src/introspect/introspect-pg.ts:5) except for the module-level state each keeps (`relations`): move one copy and that state to one module',
      'src/mail/welcome/template.ts:4:17 error loadTemplate duplicates loadTemplate (src/mail/reset/template.ts:4) except for where each module is (`import.meta`): share one copy that takes it as a parameter',
      'src/postgres/vercel/driver.ts:4:17 error getTypeParser duplicates getTypeParser (src/postgres/pg/driver.ts:5) except for the module-level `types` each reads: share one copy that takes it as a parameter',
    ]);
  });

  it('forms: a declaration, an expression-bodied arrow, a static method, a class field and an object-literal method (in JS) are one helper', async () => {
    expect(await findingLines(fixture('forms'))).toEqual([
      'src/api/routes.js:2:3 error helpers.slug duplicates toSlug (src/lib/slug.ts:1); import it instead',
      'src/ui/editor.tsx:3:7 error slugify duplicates toSlug (src/lib/slug.ts:1); import it instead',
      'src/ui/editor.tsx:6:10 error Editor.makeSlug duplicates toSlug (src/lib/slug.ts:1); import it instead',
      'src/ui/editor.tsx:10:3 error Editor.slugOf duplicates toSlug (src/lib/slug.ts:1); import it instead',
    ]);
  });

  it('ts-vs-js: type annotations, generics, `as` casts and `!` are ignored; the TypeScript copy is canonical', async () => {
    expect(await findingLines(fixture('ts-vs-js'))).toEqual([
      'legacy/group.js:5:10 error groupByKey duplicates groupByKey (src/group.ts:1); import it instead',
    ]);
  });

  it('divergent: a copy missing a guard, a copy with an extra line, a copy wrapped in a try/catch the other lacks and a switch that gained cases are warnings that name the difference', async () => {
    expect(await findingLines(fixture('divergent'))).toEqual([
      "src/admin/server.ts:2:10 warning parsePort is a diverging copy of parsePort (src/util/parse-port.ts:1): it has 'console.info(`admin port ${port}`);' that the canonical copy lacks",
      "src/jobs/worker.ts:4:10 warning parse_port is a diverging copy of parsePort (src/util/parse-port.ts:1): it lacks 'if (value === undefined || value.trim() === '')' (+1 more statement) that the canonical copy has",
      "src/layouts/settings-layout.ts:6:23 warning settingsLayout is a diverging copy of billingGuard (src/layouts/billing-guard.ts:4): it has 'try { const { isBilling, organizationId } = awa…' (+3 more statements) that the canonical copy lacks",
      "src/reports/totals.ts:1:10 warning aggregateValues is a diverging copy of aggregateValues (src/charts/aggregation.ts:1): its 'switch (aggregation)' differs from the canonical copy's; it has 'case 'min': return Math.min(...values);' (+3 more statements) that the canonical copy lacks",
    ]);
  });

  it('canonical-by-import: the exported copy in the module another copy already imports wins over a shallower one, also when imported through a baseUrl path or an alias', async () => {
    expect(await findingLines(fixture('canonical-by-import'))).toEqual([
      'src/app/strings.ts:1:17 error collapseWhitespace duplicates collapseWhitespace (src/core/text/whitespace.ts:1); import it instead',
      'src/pages/banner.ts:4:17 error shortenHeadline duplicates clampTitle (src/widgets/title.ts:1); import it instead',
      'src/processors/column.ts:4:17 error onMissingColumn duplicates onMissingTable (src/processors/table.ts:1); import it instead, with the literal that differs as a parameter',
      'src/views/list.ts:3:10 error squeeze duplicates collapseWhitespace (src/core/text/whitespace.ts:1); import it instead',
    ]);
  });

  it("canonical-by-package: in a monorepo, the copy in the package the other depends on wins; two apps that cannot import each other's are told to share a package; a library's copy wins over a CLI's, which is told to depend on the library; two sibling packages are told the shared package both depend on, unless their copy uses a package the shared one does not depend on; a published library's devDependency is no dependency (a private app's is); a dual build's manifests are one package, and its two formats of one module are no copies", async () => {
    expect(await findingLines(fixture('canonical-by-package'))).toEqual([
      'apps/web/src/shape.ts:2:17 error isPlainObject duplicates isRecord (packages/shared/src/record.ts:1); export it and import it instead',
      'apps/web/src/shape.ts:8:17 error formatBytes duplicates humanSize (apps/admin/src/size.ts:2); move it to a package both depend on',
      'packages/cli/src/args.ts:2:10 error isObjectLike duplicates isRecord (packages/shared/src/record.ts:1); export it and import it from @acme/shared (a new dependency of @acme/cli)',
      'packages/create-app/src/node-version.ts:2:17 error getNodeVersion duplicates getNodeVersion (packages/shared/src/node-version.ts:1); import it from @acme/shared (a new dependency of create-acme-app)',
      'packages/emitter/lib/cjs/listeners.js:3:10 error callbacksFor duplicates listenersOf (packages/emitter/lib/cjs/index.js:1); import it instead',
      'packages/vue-binding/src/index.ts:2:17 error queryKeyOf duplicates queryKeyOf (packages/react-binding/src/index.ts:3); move it to @acme/shared, which both depend on',
      'packages/vue-binding/src/index.ts:9:17 error activeListeners duplicates activeListeners (packages/react-binding/src/index.ts:10); move it to a package both depend on',
    ]);
  });

  it('inheritance: an override that repeats the inherited method is told to go (or to move its literal to a property), a copy under another name to call the inherited one (made protected if private; static by its class), copies in two subclasses to move to the project class both extend; the base class copy is canonical; a short override that changes only a literal is a specialization; a package class is no common base', async () => {
    expect(await findingLines(fixture('inheritance'))).toEqual([
      'src/exporters/tsv.ts:8:11 error TsvExporter.quoteCell duplicates CsvExporter.quote (src/exporters/csv.ts:8); move it to Exporter, which both extend',
      'src/forms/field.ts:6:3 error Field.clampWidth duplicates Widget.clampWidth (src/ui/widget.ts:2); move it to a function or base class both use',
      'src/jobs/queue.ts:13:3 error SmsQueue.backoff duplicates MailQueue.backoff (src/jobs/queue.ts:5); move it to a function or base class both use',
      'src/repos/admin-repo.ts:5:13 error AdminRepo.toSlug duplicates BaseRepo.slugify (src/repos/base.ts:8); AdminRepo inherits it: make it protected and call it instead',
      'src/repos/audit-repo.ts:5:13 error AuditRepo.describe duplicates BaseRepo.describe (src/repos/base.ts:20); AuditRepo inherits it: make the literal that differs a property AuditRepo overrides, and delete the override',
      'src/repos/order-repo.ts:4:13 error OrderRepo.cleanKey duplicates BaseRepo.normalizeKey (src/repos/base.ts:2); OrderRepo inherits it: call this.normalizeKey() instead',
      'src/repos/order-repo.ts:10:10 error OrderRepo.parseOrderId duplicates BaseRepo.parseId (src/repos/base.ts:14); OrderRepo inherits it: call BaseRepo.parseId() instead',
      'src/repos/user-repo.ts:5:13 error UserRepo.normalizeKey duplicates BaseRepo.normalizeKey (src/repos/base.ts:2); UserRepo inherits it: delete the override',
      'src/ui/button.ts:4:3 error Button.clampWidth duplicates Widget.clampWidth (src/ui/widget.ts:2); Button inherits it: delete the override',
    ]);
  });

  it('lookalike-class-members: methods calling each their own class method of one name (also two classes of one file) are copies only when those methods are, a field set to a passed value with a default is trivial, and methods handing on to super of two different parents are not copies while those of one parent are', async () => {
    expect(await findingLines(fixture('lookalike-class-members'))).toEqual([
      'src/entities/badge-service.ts:5:9 error BadgeService.pack duplicates RoleService.pack (src/entities/role-service.ts:4); move it to a function or base class both use',
      'src/entities/badge-service.ts:9:3 error BadgeService.packMany duplicates RoleService.packMany (src/entities/role-service.ts:8); move it to a function or base class both use',
      'src/transport/nats-deserializers.ts:28:3 error RedisRequestJSONDeserializer.deserialize duplicates NatsRequestJSONDeserializer.deserialize (src/transport/nats-deserializers.ts:7); move it to IncomingRequestDeserializer, which both extend',
    ]);
  });

  it('advice-where-it-cannot-move: a copy nested in a component moves to a module both can import, one nested in another module moves to module level and is exported, a private method is no function to reuse, a module-level copy is canonical over a nested one, and a forward with a constant default thunk is trivial', async () => {
    expect(await findingLines(fixture('advice-where-it-cannot-move'))).toEqual([
      'src/charts/RetentionHeatmap.vue:9:9 error getYYYYMMDD duplicates getYYYYMMDD (src/charts/RetentionLineChart.vue:8); move it to a module both can import (a component cannot export it)',
      'src/components/ResponseInterface.vue:6:10 error getCurrentPageCategory duplicates CollectionsSpotlightSearcherService.getCurrentPageCategory (src/services/collections.searcher.ts:6); move it to a module both can import',
      'src/format/pdf.ts:2:9 error quoteCell duplicates quoteField (src/format/csv.ts:2); move it to module level, export it and import it instead',
      'src/format/report.ts:2:9 error formatDay duplicates dayLabel (src/format/summary.ts:1); export it and import it instead',
    ]);
  });

  it('canonical-override: the `canonical` option in ssot.config.json picks the copy', async () => {
    expect(await findingLines(fixture('canonical-override'))).toEqual([
      'src/core/text/whitespace.ts:1:17 error collapseWhitespace duplicates collapseWhitespace (src/app/strings.ts:1); import it instead',
      'src/views/list.ts:3:10 error squeeze duplicates collapseWhitespace (src/app/strings.ts:1); import it instead',
    ]);
  });

  it('nested: a helper nested in a reported copy is covered by it; closures over their function stay silent, also when it is an IIFE, a bare arrow or a getter; an arrow reading its method\'s `this` is shared by a function or base class, not at module level; a copy declared in a callback is moved to module level before it is exported', async () => {
    expect(await findingLines(fixture('nested'))).toEqual([
      'src/models/tree.ts:5:9 error depthOf duplicates helperOutsideClosure (src/models/pure.ts:1); import it instead',
      'src/outbox/sequencer-outbox.ts:12:11 error addToBuffer duplicates addToBuffer (src/outbox/moderation-outbox.ts:11); move it to a function or base class both use',
      'src/reports/csv.ts:1:17 error toCsv duplicates rowsToCsv (src/exports/table.ts:1); import it instead',
      'src/workflows/cancel-return.ts:4:9 error throwErrorIf duplicates throwErrorIf (src/workflows/cancel-claim.ts:5); move it to module level, export it and import it instead',
    ]);
  });

  it('related lists every other copy, canonical first, and identities are stable', async () => {
    const found = await findings(fixture('forms'));
    expect(found[1]!.related).toEqual([
      { file: 'src/lib/slug.ts', line: 1, column: 17, message: 'canonical copy: toSlug' },
      { file: 'src/api/routes.js', line: 2, column: 3, message: 'copy: helpers.slug' },
      { file: 'src/ui/editor.tsx', line: 6, column: 10, message: 'copy: Editor.makeSlug' },
      { file: 'src/ui/editor.tsx', line: 10, column: 3, message: 'copy: Editor.slugOf' },
    ]);
    expect(new Set(found.map((finding) => finding.fingerprint)).size).toBe(found.length);
  });

  for (const silent of [
    'trivial-bodies',
    'bodiless',
    'lookalike-switch-mappers',
    'lookalike-validators',
    'lookalike-endpoints-and-icons',
    'not-helpers',
    'generated',
    'tests-and-examples',
  ]) {
    it(`${silent}: silent`, async () => {
      expect(await findingLines(fixture(silent))).toEqual([]);
    });
  }
});
