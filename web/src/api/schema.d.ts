/**
 * The service's API types, generated from its OpenAPI document by scripts/openapi.ts.
 * Do not edit: change the response classes (the *.response.ts files) and run `npm run openapi`.
 */
export interface paths {
  '/api/v1/admin/notification-channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The external channels, per department and per user (secrets never shown) */
    get: operations['NotificationAdminController_list'];
    put?: never;
    /** Adds a WeCom or DingTalk robot, an e-mail address or a webhook for a department or a user */
    post: operations['NotificationAdminController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notification-channels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a channel and its delivery records */
    delete: operations['NotificationAdminController_remove'];
    options?: never;
    head?: never;
    /** Changes a channel's name, target, secret or switch */
    patch: operations['NotificationAdminController_update'];
    trace?: never;
  };
  '/api/v1/admin/notification-deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deliveries, latest first (200 at most); `status=failed` is the dead-letter list */
    get: operations['NotificationAdminController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notification-deliveries/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sends a failed delivery again, with fresh attempts (409 unless it failed) */
    post: operations['NotificationAdminController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessment/weights': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The assessment weights in force, the defaults and every change recorded */
    get: operations['AssessmentController_weights'];
    /** Record new assessment weights (all six, integers 0–100 adding up to 100), from now or a later instant; past scores keep theirs */
    put: operations['AssessmentController_setWeights'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The file, to those who may see its problem or visit (404 to anyone else) */
    get: operations['AttachmentsController_file'];
    put?: never;
    post?: never;
    /** Remove an attachment (the uploader, a manager or an admin); the record stays */
    delete: operations['AttachmentsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attachments/{id}/thumbnail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An image's thumbnail (JPEG, at most 320 px); 404 for a PDF */
    get: operations['AttachmentsController_thumbnail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/locks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Failed logins per username and address that still count, locked ones first */
    get: operations['AuthController_locks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/locks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Lift a lock: the address may try that username again at once */
    delete: operations['AuthController_liftLock'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a username and password for a bearer token */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out everywhere: every token issued to the caller so far stops working */
    post: operations['AuthController_logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The working-day calendar of a year
     * @description Only the exceptions to Monday–Friday: weekday public holidays (working: false) and weekend days moved into work (调休, working: true), by date.
     */
    get: operations['CalendarController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which years have a working-day calendar
     * @description A year counts as entered when it has at least one public holiday. Deadlines falling in a year without one are counted as if every weekday were a working day; clients warn about them.
     */
    get: operations['CalendarController_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/days/{date}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Record or change the exception of one date
     * @description A holiday on a weekday (working: false) or a make-up working day on a weekend (working: true).
     */
    put: operations['CalendarController_setDay'];
    post?: never;
    /**
     * Remove the exception of one date
     * @description The date becomes an ordinary weekday or weekend day again; 404 when it had no exception.
     */
    delete: operations['CalendarController_removeDay'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/working-days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Preview a deadline of n working days
     * @description Counting starts the day after the calendar day of `from` in the report time zone; the deadline is the end of the n-th working day (the next midnight there).
     */
    get: operations['CalendarController_preview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Problem categories (问题类别); bodies and filters name one by its code */
    get: operations['ReferenceController_categories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Rename a category or change its default time limit (办理时限, in working days)
     * @description Only the fields sent change; 404 for an unknown code.
     */
    patch: operations['CalendarController_updateCategory'];
    trace?: never;
  };
  '/api/v1/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Responsible departments (责任单位) */
    get: operations['ReferenceController_departments'];
    put?: never;
    /** Add a department */
    post: operations['ReferenceController_createDepartment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/districts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** County-level districts (县区); bodies and filters name one by its code */
    get: operations['ReferenceController_districts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find enterprises by name or credit code, district, industry, tier, responsible user */
    get: operations['EnterprisesController_list'];
    put?: never;
    /** Register an enterprise (409 when the credit code is registered) */
    post: operations['EnterprisesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The enterprise page: the enterprise, who answers for it, when it is due a visit, its visits and problems; ETag carries the version (a handler sees only an enterprise a problem of their department concerns) */
    get: operations['EnterprisesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit contacts, address, tier, industry…: managers, admins and its responsible officials; 428 without If-Match, 412 when it changed meanwhile */
    patch: operations['EnterprisesController_update'];
    trace?: never;
  };
  '/api/v1/enterprises/{id}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who changed which fields of the enterprise and when (edits and imports), newest first */
    get: operations['EnterprisesController_changes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/{id}/production-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An enterprise's production status and its history, newest first
     * @description Handlers: only an enterprise a problem of their department concerns (404 otherwise).
     */
    get: operations['ProductionController_history'];
    put?: never;
    /**
     * Record an enterprise's production status (生产状态) as an event
     * @description By its responsible officials (403 for other officials), managers and admins.
     */
    post: operations['ProductionController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/{id}/responsibilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who answers and answered for the enterprise (包联关系), as known at asOf (default now); current first */
    get: operations['ResponsibilitiesController_list'];
    put?: never;
    /** Make a user responsible for the enterprise; 409 when that person already is, or when a leader is asked for and one is open */
    post: operations['ResponsibilitiesController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import enterprises from a spreadsheet: a registered credit code updates, any other row creates; rejected rows are listed with their row numbers */
    post: operations['EnterpriseImportController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprises/import/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An empty import file with the Chinese headings */
    get: operations['EnterpriseImportController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/extensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Extension requests (延期申请), newest first, pending by default; managers see all, handlers their department’s */
    get: operations['ExtensionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Up when the database answers; 503 when it does not */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/enterprises': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The enterprises the caller answers for now, with last visit, next visit due and open problems; most overdue first */
    get: operations['ResponsibilitiesController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which types reach the caller on which kind of channel (the inbox always) */
    get: operations['NotificationsController_preferences'];
    /** Replaces the caller's choices: a type or channel left out is on */
    put: operations['NotificationsController_savePreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/saved-views': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's saved list views, by name */
    get: operations['SavedViewsController_list'];
    put?: never;
    /**
     * Save a list view under a name
     * @description A name the caller already uses (in any case) is 409 DUPLICATE unless `replace` is true, which replaces that view. At most 50 views per user (409 CONFLICT).
     */
    post: operations['SavedViewsController_save'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/saved-views/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete one of the caller's saved views (another user's is 404) */
    delete: operations['SavedViewsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/meta': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the web app needs before sign-in: the report time zone */
    get: operations['ReferenceController_meta'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's notifications, newest first, with the unread count */
    get: operations['NotificationsController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks one of the caller's notifications read (another user's is 404) */
    post: operations['NotificationsController_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks all the caller's notifications read */
    post: operations['NotificationsController_readAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The resolution list (问题清单); handlers see their department only */
    get: operations['ProblemsController_list'];
    put?: never;
    /** Record a problem raised by an enterprise */
    post: operations['ProblemsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One problem with its events, oldest first; ETag carries the version */
    get: operations['ProblemsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The department accepts the problem (签收) */
    post: operations['ProblemsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/approve-extension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve the pending extension request: the deadline moves to the date asked for */
    post: operations['ProblemsController_approveExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign (or reassign) to a lead department (主办) with a deadline, and any assisting departments (协办) */
    post: operations['ProblemsController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/assist-done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An assisting department marks its part done (协办完成); the status does not change */
    post: operations['ProblemsController_assistDone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/assist-progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An assisting department's progress note (协办进展); the status does not change */
    post: operations['ProblemsController_assistProgress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach photos or PDFs to a problem the caller may see (with a progress note or the resolution: eventId) */
    post: operations['AttachmentsController_addToProblem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/escalate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Escalate for supervision (催办, 督办 or 挂牌督办) with a leader and an answer-by date, or raise the level; the status does not change */
    post: operations['ProblemsController_escalate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/lift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the active supervision (解除督办) with a note; the status does not change */
    post: operations['ProblemsController_lift'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a progress note, internal or (public: true) shown on the enterprise's tracking page; the status does not change */
    post: operations['ProblemsController_progress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/project': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Name the key project the problem concerns, or clear it with null; the status does not change */
    post: operations['ProblemsController_linkProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/refuse-extension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refuse the pending extension request, with a reason; the deadline stays */
    post: operations['ProblemsController_refuseExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen a resolved problem for a redo (返工) with a new deadline */
    post: operations['ProblemsController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/request-extension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The department asks for a later deadline (延期申请); one pending request per problem */
    post: operations['ProblemsController_requestExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report the problem resolved (办结); only the lead, and while an assisting part is open only with assistsNote (else 409 ASSISTS_OPEN) */
    post: operations['ProblemsController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Return a misassigned problem (退单); it goes back to reported */
    post: operations['ProblemsController_return'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/tracking-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The enterprise's tracking link (跟踪链接): the same one again while it is valid, else a new one */
    post: operations['TrackingLinksController_link'];
    /** Revoke the problem's tracking links; the next request for a link makes a new one */
    delete: operations['TrackingLinksController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/tracking-link/qr.svg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tracking link in force as a QR code (SVG); 404 until a link has been made */
    get: operations['TrackingLinksController_qr'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the enterprise's satisfaction (回访): closed, or back in progress when unsatisfied */
    post: operations['ProblemsController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a duplicate or invalid problem */
    post: operations['ProblemsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/problems/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The resolution list (问题清单) as a spreadsheet or CSV, with the list filters */
    get: operations['ProblemsExportController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The key project ledger (重点项目): managers see all, a department its own and its problems’ projects, an official the projects of the enterprises he answers for */
    get: operations['ProjectsController_list'];
    put?: never;
    /** Add a project to a year’s plan (409 when the code exists) */
    post: operations['ProjectsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One project: its fields, stage history, investment by month and problems; ETag = version */
    get: operations['ProjectsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change descriptive fields (not the stage) */
    patch: operations['ProjectsController_update'];
    trace?: never;
  };
  '/api/v1/projects/{id}/investments/{month}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Enter a month’s completed investment (YYYY-MM); a later entry for the same month is an amendment with a reason, and the original stays */
    put: operations['ProjectsController_investment'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{id}/stage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a stage change (forward; a step back is a correction with a note); managers and the responsible department */
    post: operations['ProjectsController_stage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ledger as you see it, with its filters, as a spreadsheet or CSV */
    get: operations['ProjectsTransferController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import the project office’s ledger: a known code updates, a new one adds; all or nothing, with a row report; dryRun=true writes nothing */
    post: operations['ProjectsTransferController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/import/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An empty project import file with the Chinese headings */
    get: operations['ProjectsTransferController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{figure}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The items a figure counted (its denominator), each marked whether it is in the numerator, as they were at the figure’s instant; keyset pages, the list’s filters, or every item as csv or xlsx */
    get: operations['DrillDownController_items'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/assessment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The department assessment (考核) of a month or a quarter as of an instant: each department’s score and components, ranked, with the weights in force; a handler sees their own department only */
    get: operations['AssessmentController_ranking'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/assessment/{departmentId}/deductions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The problems behind every point a department lost in the period (a handler: their own department; another is 404) */
    get: operations['AssessmentController_deductions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/assists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The assisting departments (协办) of a period as of an instant: per department, the parts given by assignments in the period, done, done on time (by the assignment’s deadline), open and cancelled; the lead’s figures stay in /reports/figures */
    get: operations['ReportsController_assists'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/bounced': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bounced problems (推诿) with an assignment or a return in the period, as of an instant, each with its route of departments and return reasons */
    get: operations['ReportsController_bouncedProblems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of every figure’s definition (口径), oldest first per figure */
    get: operations['DrillDownController_definitions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/figures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every figure of a period as of an instant: resolution rate, on-time rate, satisfaction rate, returns, median days to resolve, optionally per group; and the visit figures of the whole period */
    get: operations['ReportsController_figures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/production': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Enterprises idle and reduced as of an instant, and the resumption rate (复产率) of a period */
    get: operations['ProductionController_figures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Key projects of a period as of an instant: start rate (开工率) of the year’s plan, completed investment and its year-on-year growth; optionally per district, industry or department */
    get: operations['ProjectFiguresController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/published': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published figures, newest first */
    get: operations['PublishedController_list'];
    put?: never;
    /** Publishes a figure (发布): its exact items at its instant (now, pinned, when the period has not ended), with a checksum; the same figure again answers the stored one (200) or 409 PUBLISHED_DIFFERS */
    post: operations['PublishedController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/published/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One published figure, as stored */
    get: operations['PublishedController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/published/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A published figure's stored items by item key (keyset pages), or every one as csv or xlsx */
    get: operations['PublishedController_items'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/published/{id}/reconciliation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reconciliation (口径核对): the figure recomputed under the current definition as of asOf (default now), and every item that moved since publishing, with reasons; or as csv */
    get: operations['PublishedController_reconciliation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/resolution-rate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The resolution rate (办结率) of a period as of an instant, optionally per department, district, category or industry */
    get: operations['ReportsController_resolutionRate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/trend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The figures over consecutive quarters, months or ISO weeks */
    get: operations['ReportsController_trend'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The visit figures of a period as of an instant: visits, coverage (走访覆盖率), on-schedule rate, problems per visit, policies promoted; optionally per district, official or tier */
    get: operations['ReportsController_visits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/weekly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The weekly coordination report (周调度) for an ISO week, visits first: JSON, a spreadsheet (one sheet per section), CSV, a printable page with charts, or a Word document (通报) */
    get: operations['ReportsController_weekly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/responsibilities/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a responsibility (recording who, when and why); 409 when it has ended */
    post: operations['ResponsibilitiesController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/responsibilities/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who may be made responsible: enabled officials, managers and admins */
    get: operations['ResponsibilitiesController_candidates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/responsibilities/handover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand all open responsibilities of one user to another, in one transaction (an official who leaves) */
    post: operations['ResponsibilitiesController_handover'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/responsibilities/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign responsibilities in bulk from a spreadsheet: every row checked, all written or none; dryRun=true writes nothing */
    post: operations['ResponsibilitiesController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/responsibilities/import/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An empty bulk-assignment file with the Chinese headings */
    get: operations['ResponsibilitiesController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/statuses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Problem statuses with their display labels (Chinese and English) */
    get: operations['ReferenceController_statuses'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/supervisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Supervisions (督办) newest first: active, overdue, lifted or all; handlers see their department’s */
    get: operations['SupervisionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tiers (企业层级) with their labels and the visit interval in force */
    get: operations['ResponsibilitiesController_tiers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tiers/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a tier’s visit interval from now on (earlier intervals stay for past figures) */
    put: operations['ResponsibilitiesController_setTier'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/track/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the enterprise sees of its problem (跟踪页): no names, no internal notes, no ids */
    get: operations['TrackController_track'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/track/{token}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The enterprise rates the resolved problem (评价): satisfied closes it, unsatisfied sends it back; once */
    post: operations['TrackController_rate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All users, by username */
    get: operations['UsersController_list'];
    put?: never;
    /** Create a user (a handler needs a department) */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user: name, role, department, password, or disable it
     * @description A new password, a new role or disabling signs the user out everywhere. The last enabled admin cannot be disabled or lose the admin role (409 LAST_ADMIN).
     */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/v1/users/{id}/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign a user out everywhere: every token issued to it so far stops working */
    post: operations['UsersController_logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Visits the caller may read: an official his own and his enterprises’, a handler through his problems */
    get: operations['VisitsController_list'];
    put?: never;
    /** Log a visit with its officials, policies promoted and problems raised, all or nothing */
    post: operations['VisitsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One visit with its officials and problems; ETag carries the revision */
    get: operations['VisitsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct the visit: a new revision with a reason; the original is kept */
    post: operations['VisitsController_amend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach photos or PDFs to a visit the caller may see */
    post: operations['AttachmentsController_addToVisit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every revision of the visit, oldest first; revision 1 is the original record */
    get: operations['VisitsController_revisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/visits/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a visit entered by mistake; it stops counting, its problems stay */
    post: operations['VisitsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warnings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Current early warnings (预警): overdue, due soon, stale problems; enterprises due a visit, and enterprises nobody answers for
     * @description Handlers see the problems of their own department and no enterprise warnings; officials only the not_visited warnings of the enterprises they answer for. Overdue first (most working days overdue first), then due soon (soonest first), stale, not visited (earliest due first), unassigned; at most `limit` items (500).
     */
    get: operations['WarningsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warnings/scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the warning scan now: records each new warning once, with an event on its problem */
    post: operations['WarningsController_scan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description on a single problem: the actions the caller may take on it now
     * @enum {string}
     */
    Action:
      | 'assign'
      | 'accept'
      | 'progress'
      | 'resolve'
      | 'return'
      | 'verify'
      | 'reopen'
      | 'withdraw'
      | 'escalate'
      | 'request_extension'
      | 'approve_extension'
      | 'refuse_extension'
      | 'assist_progress'
      | 'assist_done'
      | 'lift';
    AmendVisitDto: {
      notes?: string | null;
      /** @description user ids of every official who went (replaces the list) */
      officialIds?: string[];
      policiesPromoted?: string[];
      purpose?: string | null;
      /** @description why the record is corrected (修正原因) */
      reason: string;
      /**
       * @description not in the future
       * @example 2025-03-12T10:00:00+08:00
       */
      visitedAt?: string;
    };
    /** @enum {string} */
    AssessmentComponent: 'signFor' | 'onTime' | 'returns' | 'redos' | 'satisfaction' | 'supervision';
    AssessmentComponents: {
      onTime: components['schemas']['AssessmentComponentScore'];
      redos: components['schemas']['AssessmentComponentScore'];
      returns: components['schemas']['AssessmentComponentScore'];
      satisfaction: components['schemas']['AssessmentComponentScore'];
      signFor: components['schemas']['AssessmentComponentScore'];
      supervision: components['schemas']['AssessmentComponentScore'];
    };
    AssessmentComponentScore: {
      /** @description weight − points, two decimals half-up */
      deducted: number;
      /** @description signFor: sign-fors due; onTime: resolutions; returns: assignments received; redos: resolutions; satisfaction: verifications; supervision: supervisions opened */
      denominator: number;
      /** @description the denominator is 0: full points */
      noData: boolean;
      /** @description signFor: signed for in time; onTime: resolved on time; returns: returns; redos: redos; satisfaction: satisfied; supervision: answered in time */
      numerator: number;
      /** @description points awarded, two decimals half-up */
      points: number;
      /** @description one decimal; null when the denominator is 0 */
      ratePercent: number | null;
    };
    AssessmentDefinitions: {
      /**
       * @description of score, its components and its deductions
       * @example assessment-score/v1
       */
      score: string;
    };
    AssessmentDepartment: {
      components: components['schemas']['AssessmentComponents'];
      /** Format: uuid */
      departmentId: string;
      /** @example 市工信局 */
      name: string;
      /** @description competition ranking: equal scores share a rank */
      rank: number;
      /**
       * @description the sum of the components, one decimal half-up
       * @example 92.5
       */
      score: number;
    };
    AssessmentReport: {
      /** Format: date-time */
      asOf: string;
      /** @description the definition of each figure given, by figure */
      definitions: components['schemas']['AssessmentDefinitions'];
      /** @description departments with anything to score in the period, best first (ties by name); a handler sees their own only */
      departments: components['schemas']['AssessmentDepartment'][];
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description the weights in force at asOf */
      weights: components['schemas']['AssessmentWeights'];
      /**
       * Format: date-time
       * @description since when they are in force; null for the defaults
       */
      weightsSince: string | null;
    };
    AssessmentWeights: {
      /** @example 30 */
      onTime: number;
      /** @example 10 */
      redos: number;
      /** @example 10 */
      returns: number;
      /** @example 25 */
      satisfaction: number;
      /** @example 15 */
      signFor: number;
      /** @example 10 */
      supervision: number;
    };
    AssignDto: {
      /** @description the assisting departments (协办), each once and not the lead; each gets a part to mark done. A reassignment cancels the open parts of departments it no longer names; empty or absent: none */
      assistingDepartmentIds?: string[];
      /** Format: uuid */
      departmentId: string;
      /**
       * @description the deadline (办理时限), in the future; or give dueInWorkingDays; with neither, the category’s time limit applies
       * @example 2025-04-15T18:00:00+08:00
       */
      dueAt?: string;
      /**
       * @description the deadline as working days from today (holidays and make-up working days counted); the end of that day
       * @example 10
       */
      dueInWorkingDays?: number;
      /** @description instructions for the department */
      note?: string;
    };
    AssignmentImportResponse: {
      /** @description true when the assignments were written (all of them) */
      applied: boolean;
      /** @description responsibilities written: 0 on a dry run or when any row is rejected */
      created: number;
      dryRun: boolean;
      rejected: components['schemas']['RejectedAssignmentRow'][];
      /** @description data rows read */
      total: number;
      /** @description rows that would be (or were) assigned */
      valid: number;
    };
    AssignmentRowError: {
      field: string;
      message: string;
    };
    AssignResponsibilityDto: {
      /**
       * @description official (包联干部) or leader (包联领导)
       * @enum {string}
       */
      kind: 'official' | 'leader';
      /** @example 新任包联干部 */
      note?: string;
      /**
       * Format: date-time
       * @description from when; default now; not in the future
       */
      startsAt?: string;
      /**
       * Format: uuid
       * @description an enabled official, manager or admin
       */
      userId: string;
    };
    AssistDefinitions: {
      /**
       * @description of onTimeRatePercent, doneOnTime and done
       * @example assist-on-time-rate/v1
       */
      onTimeRate: string;
    };
    AssistDto: {
      /**
       * Format: uuid
       * @description the assisting department acted for: required from a manager or admin; a handler acts for their own department
       */
      departmentId?: string;
      /** @description what the assisting department did */
      note: string;
    };
    AssistFiguresReport: {
      /**
       * Format: date-time
       * @description only events before this instant count
       */
      asOf: string;
      /** @description parts given by assignments recorded in the period */
      assigned: number;
      /** @description ended undone by asOf: a reassignment that no longer named it, a return, a withdrawal or a close */
      cancelled: number;
      /** @description the definition of each figure given, by figure */
      definitions: components['schemas']['AssistDefinitions'];
      /** @description of those, marked done by asOf */
      done: number;
      /** @description of those, done on or before the deadline of the assignment that gave the part */
      doneOnTime: number;
      /**
       * @description done ÷ (assigned − cancelled); null when the denominator is 0
       * @example 87.5
       */
      doneRatePercent: number | null;
      /**
       * @description always per assisting department
       * @enum {string}
       */
      groupBy: 'department';
      /** @description the departments with a part in the period, by code */
      groups: components['schemas']['AssistGroup'][];
      /**
       * @description doneOnTime ÷ done; null when none is done
       * @example 87.5
       */
      onTimeRatePercent: number | null;
      /** @description still open at asOf */
      open: number;
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
    };
    AssistGroup: {
      /** @description parts given by assignments recorded in the period */
      assigned: number;
      /** @description ended undone by asOf: a reassignment that no longer named it, a return, a withdrawal or a close */
      cancelled: number;
      /** @description of those, marked done by asOf */
      done: number;
      /** @description of those, done on or before the deadline of the assignment that gave the part */
      doneOnTime: number;
      /**
       * @description done ÷ (assigned − cancelled); null when the denominator is 0
       * @example 87.5
       */
      doneRatePercent: number | null;
      /**
       * Format: uuid
       * @description the assisting department
       */
      key: string;
      /** @example 市自然资源局 */
      label: string;
      /**
       * @description doneOnTime ÷ done; null when none is done
       * @example 87.5
       */
      onTimeRatePercent: number | null;
      /** @description still open at asOf */
      open: number;
    };
    /**
     * @description open until the department marks its part done; cancelled when the problem was withdrawn or closed first
     * @enum {string}
     */
    AssistStatus: 'open' | 'done' | 'cancelled';
    AttachmentResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      createdBy: string;
      createdByName: string;
      /** @description the problem event it came with (a progress note, the resolution), as the events' id */
      eventId: string | null;
      /** @description pixels, images only */
      height: number | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'image' | 'pdf';
      /** @example image/jpeg */
      mime: string;
      /** @example 现场照片.jpg */
      originalName: string;
      /** @enum {string} */
      ownerKind: 'problem' | 'visit';
      /** Format: uuid */
      problemId: string | null;
      /** @description bytes, as stored (an image after downscaling) */
      size: number;
      /** @description a JPEG at most 320 px, images only */
      thumbnailUrl: string | null;
      /** @example /api/v1/attachments/0e6c… */
      url: string;
      /** Format: uuid */
      visitId: string | null;
      /** @description pixels, images only */
      width: number | null;
    };
    AttachmentUploadResponse: {
      items: components['schemas']['AttachmentResponse'][];
    };
    BouncedProblem: {
      /** @example JQ-2025-0042 */
      code: string;
      /**
       * Format: uuid
       * @description the department holding it now
       */
      departmentId: string | null;
      departmentName: string | null;
      /** @description distinct departments assigned it as of asOf */
      departments: number;
      /** @description times it left a department (returned, or reassigned away) as of asOf */
      departures: number;
      enterpriseName: string;
      /** Format: uuid */
      id: string;
      route: components['schemas']['BouncedRouteStep'][];
      /** @description the status now */
      status: string;
      title: string;
    };
    BouncedReport: {
      /** Format: date-time */
      asOf: string;
      items: components['schemas']['BouncedProblem'][];
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
    };
    BouncedRouteStep: {
      /** Format: date-time */
      assignedAt: string;
      /** Format: uuid */
      departmentId: string;
      /** @example 市工信局 */
      departmentName: string;
      /**
       * @description how it left the department: returned (退单), reassigned elsewhere, or null (holds it still, or resolved it)
       * @enum {string|null}
       */
      left: 'returned' | 'reassigned' | null;
      /** @description the return reason */
      reason: string | null;
    };
    CalendarCoverageResponse: {
      /**
       * @description the last year of the unbroken run of covered years that holds the current year (null when the current year has no calendar): deadlines after it are counted without holidays
       * @example 2026
       */
      coveredThrough: number | null;
      /**
       * @description the current year in the report time zone
       * @example 2026
       */
      currentYear: number;
      /**
       * @description the years with at least one public holiday entered, ascending
       * @example [
       *       2024,
       *       2025,
       *       2026
       *     ]
       */
      years: number[];
    };
    CalendarDayResponse: {
      /**
       * Format: date
       * @example 2025-01-28
       */
      date: string;
      /** @example 春节 */
      name: string;
      /**
       * @description whether the day is a working day
       * @example false
       */
      working: boolean;
    };
    CalendarYearResponse: {
      /** @description the exceptions to Monday–Friday in that year, by date; every other weekday is a working day */
      days: components['schemas']['CalendarDayResponse'][];
      /** @example 2025 */
      year: number;
    };
    CandidateResponse: {
      displayName: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'admin' | 'manager' | 'official' | 'handler';
      username: string;
    };
    CategoryResponse: {
      /** @example labour */
      code: string;
      /**
       * @description the default time limit in working days
       * @example 10
       */
      defaultDueWorkingDays: number;
      /** @example 用工 */
      name: string;
      /** @example Labour */
      nameEn: string | null;
      /**
       * @description the sign-for time limit (签收时限) in working days
       * @example 1
       */
      signForWorkingDays: number;
    };
    ChangedByResponse: {
      displayName: string;
      /** Format: uuid */
      id: string;
    };
    ChannelListResponse: {
      items: components['schemas']['ChannelResponse'][];
    };
    ChannelResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      departmentId: string | null;
      departmentName: string | null;
      enabled: boolean;
      /** @description whether a signing secret is stored (never shown) */
      hasSecret: boolean;
      /** @description whether a robot key or access token is stored (never shown) */
      hasToken: boolean;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'wecom' | 'dingtalk' | 'email' | 'webhook';
      name: string;
      /** @description the URL without its key or token, or the e-mail address */
      target: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      userId: string | null;
      userName: string | null;
    };
    CountDifference: {
      /** @description now minus published */
      denominator: number;
      /** @description now minus published */
      numerator: number;
    };
    CreateChannelDto: {
      /**
       * Format: uuid
       * @description the department whose channel it is (or userId)
       */
      departmentId?: string;
      /** @default true */
      enabled: boolean;
      /** @enum {string} */
      kind: 'wecom' | 'dingtalk' | 'email' | 'webhook';
      /** @example 市工信局工作群机器人 */
      name: string;
      /** @description DingTalk's signing secret (SEC…) or the webhook's HMAC key; write-only */
      secret?: string;
      /** @description the robot's webhook URL (a `key` or `access_token` in it is kept as a secret and taken out of the URL), the e-mail address, or the webhook URL */
      target: string;
      /**
       * Format: uuid
       * @description the user whose channel it is (or departmentId)
       */
      userId?: string;
    };
    CreateDepartmentDto: {
      /**
       * @description short stable code: letters, digits, dash or underscore
       * @example gxj
       */
      code: string;
      /** @example 市工信局 */
      name: string;
    };
    CreateEnterpriseDto: {
      address?: string;
      contactName?: string;
      /** @example 0937-2612345 */
      contactPhone?: string;
      /**
       * @description a district code from GET /districts
       * @example suzhou
       */
      district: string;
      /** @example new_energy_equipment */
      industry?: string;
      /** @description 规上企业 */
      isAboveScale?: boolean;
      /** @description 重点企业 */
      isKey?: boolean;
      /** @example 酒泉某新能源装备有限公司 */
      name: string;
      /**
       * @description unified social credit code (统一社会信用代码), checked per GB 32100-2015
       * @example 91620900MA71XXXX0X
       */
      uscc?: string;
    };
    CreateProblemDto: {
      /**
       * @description a category code from GET /categories
       * @example factor_supply
       */
      category: string;
      description?: string;
      /** Format: uuid */
      enterpriseId: string;
      /**
       * Format: uuid
       * @description the key project it concerns
       */
      projectId?: string;
      /**
       * @description when it was recorded; defaults to now; never in the future
       * @example 2025-03-31T23:30:00+08:00
       */
      reportedAt?: string;
      /**
       * @description defaults to visit when raised in a visit, other otherwise
       * @enum {string}
       */
      source?: 'visit' | 'hotline' | 'online' | 'meeting' | 'other';
      /** @example 园区110千伏变电站扩容迟迟未批 */
      title: string;
      /**
       * Format: uuid
       * @description the visit it was raised in (same enterprise)
       */
      visitId?: string;
    };
    CreateProjectDto: {
      /**
       * @description the project office code, unique
       * @example XM-2025-001
       */
      code: string;
      /**
       * Format: uuid
       * @description the responsible department
       */
      departmentId?: string | null;
      /**
       * @description a district code from GET /districts
       * @example suzhou
       */
      district: string;
      /** @example new_energy_equipment */
      industry?: string | null;
      /**
       * @description new 新建 or continuing 续建
       * @enum {string}
       */
      kind: 'new' | 'continuing';
      /** @description the responsible leader (责任领导) */
      leaderName?: string | null;
      /** @example 酒泉某风电装备制造基地项目 */
      name: string;
      /**
       * Format: uuid
       * @description the owner enterprise (项目业主)
       */
      ownerEnterpriseId?: string | null;
      /** @description planned investment in the plan's year, whole yuan */
      plannedAnnualInvestmentYuan?: number | null;
      /**
       * Format: date
       * @example 2025-03-15
       */
      plannedStartDate?: string | null;
      /** @description planned total investment, whole yuan */
      plannedTotalInvestmentYuan?: number | null;
      /**
       * @description the year of the plan the project belongs to
       * @example 2025
       */
      planYear: number;
    };
    CreateUserDto: {
      /**
       * Format: uuid
       * @description required for a handler
       */
      departmentId?: string;
      /** @example 张伟 */
      displayName: string;
      password: string;
      /** @enum {string} */
      role: 'admin' | 'manager' | 'official' | 'handler';
      /**
       * @description letters, digits, dot, dash or underscore
       * @example zhang.wei
       */
      username: string;
    };
    CreateVisitDto: {
      /** Format: uuid */
      enterpriseId: string;
      notes?: string;
      /** @description user ids of the officials who went; the caller is always included */
      officialIds?: string[];
      /**
       * @example [
       *       "增值税留抵退税",
       *       "稳岗返还"
       *     ]
       */
      policiesPromoted?: string[];
      problems?: components['schemas']['ProblemInputDto'][];
      /** @example 一季度包联走访 */
      purpose?: string;
      /**
       * @description when the visit took place; not in the future
       * @example 2025-03-12T10:00:00+08:00
       */
      visitedAt: string;
    };
    CurrentStatusResponse: {
      /**
       * @description since when, unbroken; null when no status was ever recorded
       * @example 2025-03-02T16:00:00.000Z
       */
      since: string | null;
      /**
       * @description the latest event by effectiveAt
       * @example idle
       * @enum {string}
       */
      status: 'normal' | 'reduced' | 'idle';
    };
    DeductionItem: {
      /**
       * Format: date-time
       * @description when it happened (the event scored)
       */
      at: string;
      code: string;
      component: components['schemas']['AssessmentComponent'];
      /**
       * Format: date-time
       * @description when the department signed for, resolved or answered (a supervision: or it was lifted)
       */
      done: string | null;
      /**
       * Format: date-time
       * @description the deadline it was judged by (sign-for, first deadline, redo deadline or answer-by)
       */
      due: string | null;
      /**
       * @description what happened
       * @enum {string}
       */
      kind:
        | 'not_signed_for'
        | 'signed_for_late'
        | 'resolved_late'
        | 'returned'
        | 'redo'
        | 'not_satisfied'
        | 'supervised'
        | 'supervised_overdue';
      /**
       * @description a supervision’s level
       * @enum {string|null}
       */
      level: 'reminder' | 'supervision' | 'listed' | null;
      /** @description points it cost, two decimals (the shares of a component add up to its deduction) */
      points: number;
      /** Format: uuid */
      problemId: string;
      title: string;
    };
    DeductionsReport: {
      /** Format: date-time */
      asOf: string;
      components: components['schemas']['AssessmentComponents'];
      /** @description the definition of the score the deductions explain */
      definitions: components['schemas']['AssessmentDefinitions'];
      /** Format: uuid */
      departmentId: string;
      /** @description by component, then in time order */
      items: components['schemas']['DeductionItem'][];
      name: string;
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      score: number;
      /** @description the weights in force at asOf */
      weights: components['schemas']['AssessmentWeights'];
      /**
       * Format: date-time
       * @description since when they are in force; null for the defaults
       */
      weightsSince: string | null;
    };
    Definition: {
      /** @enum {string} */
      figure:
        | 'resolution-rate'
        | 'on-time-rate'
        | 'on-time-with-extension-rate'
        | 'satisfaction-rate'
        | 'sign-for-rate'
        | 'visit-coverage-rate'
        | 'project-start-rate'
        | 'assist-on-time-rate'
        | 'assessment-score';
      groupBys: string[];
      /** @example resolution-rate/v1 */
      id: string;
      /** @enum {string} */
      item: 'problem' | 'assignment' | 'enterprise' | 'project' | 'assist_part' | 'deduction';
      /** @example Resolution rate */
      name: string;
      /** @example 办结率 */
      nameZh: string;
      text: string;
      textZh: string;
      version: number;
    };
    DefinitionText: {
      /** @example Resolution rate */
      name: string;
      /** @example 办结率 */
      nameZh: string;
      text: string;
      textZh: string;
    };
    DeliveryListResponse: {
      items: components['schemas']['DeliveryResponse'][];
    };
    DeliveryResponse: {
      attempts: number;
      /** Format: uuid */
      channelId: string;
      channelName: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'wecom' | 'dingtalk' | 'email' | 'webhook';
      /** @description why the last attempt failed */
      lastError: string | null;
      /** Format: uuid */
      problemId: string | null;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      title: string;
      /** @enum {string} */
      type:
        | 'assigned'
        | 'returned'
        | 'sign_for_due'
        | 'due_soon'
        | 'overdue'
        | 'escalated'
        | 'reopened'
        | 'resolved'
        | 'extension_requested'
        | 'extension_decided'
        | 'visit_due'
        | 'weekly_ready';
      /** Format: date-time */
      updatedAt: string;
    };
    DepartmentResponse: {
      /** @example gongxin */
      code: string;
      /** Format: uuid */
      id: string;
      /** @example 市工信局 */
      name: string;
    };
    DistrictResponse: {
      /** @example suzhou */
      code: string;
      /** @example 肃州区 */
      name: string;
      /** @example Suzhou District */
      nameEn: string | null;
    };
    DrillDownItem: {
      /**
       * @description the problem's or project's code; the enterprise's credit code or name
       * @example JQ-2025-0001
       */
      code: string;
      /**
       * Format: date-time
       * @description when what decided the item happened: the resolution, verification, sign-for, visit or start
       */
      countedAt: string | null;
      countedDepartmentId: string | null;
      /** @description the department as of the instant */
      departmentIdAsOf: string | null;
      departmentNameAsOf: string | null;
      /** @description the figure's own facts about the item */
      detail: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @description the deadline as of the instant
       */
      dueAtAsOf: string | null;
      enterpriseId: string | null;
      enterpriseName: string | null;
      /** @description the group the item counts in, with groupBy */
      groupKey: string | null;
      /** @description the problem (or enterprise, project) counted */
      id: string;
      /** @description counted in the numerator */
      inNumerator: boolean;
      /** @description unique within the figure: the id, or the assignment event for the sign-for rate */
      itemKey: string;
      /**
       * Format: date-time
       * @description the deadline the figure judged the item by (on-time and sign-for figures)
       */
      judgedDueAt: string | null;
      /**
       * @description why it counts, in Chinese
       * @example 2025-03-28 由 市工信局 办结
       */
      reason: string;
      /** @enum {string} */
      reasonCode:
        | 'resolved'
        | 'not_resolved'
        | 'on_time'
        | 'late'
        | 'satisfied'
        | 'unsatisfied'
        | 'signed_in_time'
        | 'signed_late'
        | 'not_signed'
        | 'visited'
        | 'not_visited'
        | 'started'
        | 'not_started'
        | 'done_on_time'
        | 'done_late';
      /** @description the status as of the instant */
      statusAsOf: string | null;
      title: string;
    };
    DrillDownPage: {
      /** Format: date-time */
      asOf: string;
      definition: components['schemas']['Definition'];
      /** @enum {string} */
      figure:
        | 'resolution-rate'
        | 'on-time-rate'
        | 'on-time-with-extension-rate'
        | 'satisfaction-rate'
        | 'sign-for-rate'
        | 'visit-coverage-rate'
        | 'project-start-rate'
        | 'assist-on-time-rate';
      group?: string | null;
      groupBy?: string;
      items: components['schemas']['DrillDownItem'][];
      nextCursor: string | null;
      /** @description of those, the items in the numerator */
      numerator: number;
      period: components['schemas']['PeriodInfo'];
      ratePercent: number | null;
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description the items counted (the figure's denominator), after the filters */
      total: number;
    };
    EndResponsibilityDto: {
      /**
       * Format: date-time
       * @description until when; default now; after its start, not in the future
       */
      endsAt?: string;
      /** @example 岗位调整 */
      reason: string;
    };
    EnterpriseChangeResponse: {
      /** @description the changed fields after */
      after: {
        [key: string]: unknown;
      };
      /** @description the changed fields before */
      before: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      changedAt: string;
      changedBy: components['schemas']['ChangedByResponse'];
      id: string;
      /** @enum {string} */
      source: 'import' | 'edit';
    };
    EnterpriseDetailResponse: {
      address: string | null;
      contactName: string | null;
      contactPhone: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description the district code
       * @example suzhou
       */
      district: string;
      /** @example 肃州区 */
      districtName: string;
      /** @description whether the caller may edit it (PATCH) */
      editable: boolean;
      /** Format: uuid */
      id: string;
      /** @example new_energy_equipment */
      industry: string | null;
      /** @description above designated size (规上企业) */
      isAboveScale: boolean;
      /** @description a key enterprise of the programme (重点企业) */
      isKey: boolean;
      /** Format: date-time */
      lastVisitAt: string | null;
      /** @example 酒泉某新能源装备有限公司 */
      name: string;
      /**
       * Format: date-time
       * @description the interval from the last visit or the start of responsibility; null when nobody answers for it
       */
      nextVisitDueAt: string | null;
      /** @description its problems the caller may see, newest first */
      problems: components['schemas']['EnterpriseProblemSummaryResponse'][];
      /** @description the latest 20 visits, newest first */
      recentVisits: components['schemas']['EnterpriseVisitSummaryResponse'][];
      /** @description the responsible leader (包联领导) now */
      responsibleLeader: components['schemas']['ResponsiblePersonResponse'] | null;
      /** @description responsible officials (包联干部) now */
      responsibleOfficials: components['schemas']['ResponsiblePersonResponse'][];
      /**
       * @description the tier (企业层级), which sets the visit interval
       * @enum {string}
       */
      tier: 'key' | 'above_scale' | 'other';
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description unified social credit code
       * @example 91620900MA72XXXX0X
       */
      uscc: string | null;
      /** @description bumped by every edit; send it back in If-Match */
      version: number;
      /** @description the interval of its tier; null when nobody answers for it */
      visitIntervalDays: number | null;
    };
    EnterprisePage: {
      items: components['schemas']['EnterpriseResponse'][];
      /** @description pass as cursor for the next page; null on the last */
      nextCursor: string | null;
    };
    EnterpriseProblemSummaryResponse: {
      /** @example JQ-2025-0001 */
      code: string;
      departmentName: string | null;
      /** Format: date-time */
      dueAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      reportedAt: string;
      /** @description a status code (GET /statuses) */
      status: string;
      title: string;
    };
    EnterpriseResponse: {
      address: string | null;
      contactName: string | null;
      contactPhone: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description the district code
       * @example suzhou
       */
      district: string;
      /** @example 肃州区 */
      districtName: string;
      /** Format: uuid */
      id: string;
      /** @example new_energy_equipment */
      industry: string | null;
      /** @description above designated size (规上企业) */
      isAboveScale: boolean;
      /** @description a key enterprise of the programme (重点企业) */
      isKey: boolean;
      /** @example 酒泉某新能源装备有限公司 */
      name: string;
      /**
       * @description the tier (企业层级), which sets the visit interval
       * @enum {string}
       */
      tier: 'key' | 'above_scale' | 'other';
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description unified social credit code
       * @example 91620900MA72XXXX0X
       */
      uscc: string | null;
      /** @description bumped by every edit; send it back in If-Match */
      version: number;
    };
    EnterpriseVisitSummaryResponse: {
      /**
       * Format: uuid
       * @description read it in full at GET /visits/{id}
       */
      id: string;
      /** @description the visiting officials' names */
      officials: string[];
      /** @description problems logged with the visit (for a handler: those of their department) */
      problemCount: number;
      purpose: string | null;
      /** @enum {string} */
      status: 'recorded' | 'withdrawn';
      /** Format: date-time */
      visitedAt: string;
    };
    ErrorResponse: {
      /**
       * @description a failed login (401): failures this username may still have from this address before it locks
       * @example 1
       */
      attemptsLeft?: number;
      /**
       * @description stable and meant for programs: VALIDATION_FAILED, NOT_FOUND, VERSION_MISMATCH, …
       * @example VERSION_MISMATCH
       */
      code: string;
      /** @description 5xx: the id of the log line that tells what happened */
      correlationId?: string;
      /**
       * @description VERSION_MISMATCH: the version now stored
       * @example 4
       */
      currentVersion?: number;
      /** @description the fields a 400 (or a duplicate 409) names */
      errors?: components['schemas']['FieldErrorResponse'][];
      /** @description RATE_LIMITED on login: true when the username is locked for this address (not merely a busy service) */
      locked?: boolean;
      /**
       * @description a failed login (401) that has just locked the username for this address: for how long
       * @example 900
       */
      lockedForSeconds?: number;
      /** @example the problem has changed since you read it (current version 4); reload it and try again */
      message: string;
      /**
       * @description RATE_LIMITED: when to try again
       * @example 30
       */
      retryAfterSeconds?: number;
      /** @example 409 */
      statusCode: number;
    };
    EscalateDto: {
      /**
       * @description when the department must answer by, in the future; default the end of the third working day
       * @example 2025-04-10T18:00:00+08:00
       */
      answerBy?: string;
      /**
       * Format: uuid
       * @description the supervising leader: a manager or an admin
       */
      leaderId?: string;
      /**
       * @description reminder 催办, supervision 督办, listed 挂牌督办; above the active one when there is one
       * @default supervision
       */
      level: components['schemas']['SupervisionLevel'];
      /** @description what happened */
      note: string;
    };
    ExtensionDecisionResponse: {
      /** Format: date-time */
      at: string;
      /** @example 李四 */
      by: string | null;
      /** @description the manager's note, or the reason for a refusal */
      note: string | null;
      /** @enum {string} */
      type: 'approve_extension' | 'refuse_extension';
    };
    ExtensionPage: {
      items: components['schemas']['ExtensionResponse'][];
      /** @description pass as cursor for the next page; null on the last */
      nextCursor: string | null;
    };
    ExtensionResponse: {
      /**
       * Format: date-time
       * @description the problem's deadline now
       */
      currentDueAt: string | null;
      decision: components['schemas']['ExtensionDecisionResponse'] | null;
      /**
       * Format: uuid
       * @description the department that asked
       */
      departmentId: string;
      /** @example 市工信局 */
      departmentName: string;
      /**
       * Format: date-time
       * @description the deadline when it was asked
       */
      previousDueAt: string;
      /** @example JQ-2025-0042 */
      problemCode: string;
      /** Format: uuid */
      problemId: string;
      reason: string;
      /** Format: date-time */
      requestedAt: string;
      requestedBy: string | null;
      /**
       * Format: date-time
       * @description the date asked for
       */
      requestedDueAt: string;
      /** @description the id of its request_extension event */
      requestEventId: string;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'refused' | 'lapsed';
      title: string;
      /** @description the problem's version, for If-Match on approve or refuse */
      version: number;
    };
    FieldErrorResponse: {
      /**
       * @description the field of the body or query, dotted for nested ones
       * @example dueAt
       */
      field: string;
      /** @example dueAt must be in the future */
      message: string;
    };
    Figures: {
      medianDaysToResolve: number | null;
      /** @description judged against the first deadline of the resolving department */
      onTimeRate: components['schemas']['OnTimeRate'];
      onTimeWithExtensionRate: components['schemas']['OnTimeWithExtensionRate'];
      /** @description 返工 */
      redos: components['schemas']['Redos'];
      resolutionRate: components['schemas']['RateFigures'];
      returns: number;
      satisfactionRate: components['schemas']['SatisfactionRate'];
      /** @description 及时签收率 */
      signForRate: components['schemas']['SignForRate'];
    };
    FiguresGroup: {
      /** @description the group key (id or code); null for none */
      key: string | null;
      /** @example 市工信局 */
      label: string;
      medianDaysToResolve: number | null;
      /** @description judged against the first deadline of the resolving department */
      onTimeRate: components['schemas']['OnTimeRate'];
      onTimeWithExtensionRate: components['schemas']['OnTimeWithExtensionRate'];
      /** @description 返工 */
      redos: components['schemas']['Redos'];
      resolutionRate: components['schemas']['RateFigures'];
      returns: number;
      satisfactionRate: components['schemas']['SatisfactionRate'];
      /** @description 及时签收率 */
      signForRate: components['schemas']['SignForRate'];
    };
    FiguresWithVisitsReport: {
      /** Format: date-time */
      asOf: string;
      definitions: components['schemas']['RateDefinitions'];
      groupBy?: components['schemas']['GroupBy'];
      groups?: components['schemas']['FiguresGroup'][];
      /** @description the drill-down of each rate (a path under /api/v1), at the figures’ instant */
      items: components['schemas']['RateDefinitions'];
      medianDaysToResolve: number | null;
      /** @description judged against the first deadline of the resolving department */
      onTimeRate: components['schemas']['OnTimeRate'];
      onTimeWithExtensionRate: components['schemas']['OnTimeWithExtensionRate'];
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description 返工 */
      redos: components['schemas']['Redos'];
      resolutionRate: components['schemas']['RateFigures'];
      returns: number;
      satisfactionRate: components['schemas']['SatisfactionRate'];
      /** @description 及时签收率 */
      signForRate: components['schemas']['SignForRate'];
      /** @description the visit figures of the period as of the same asOf, for the whole period (not grouped) */
      visits: components['schemas']['VisitFigures'];
    };
    /** @enum {string} */
    GroupBy: 'department' | 'district' | 'category' | 'industry';
    HandoverDto: {
      /**
       * Format: date-time
       * @description when; default now; not in the future
       */
      at?: string;
      /**
       * Format: uuid
       * @description whose open responsibilities end
       */
      fromUserId: string;
      /** @example 干部调离 */
      reason: string;
      /**
       * Format: uuid
       * @description who takes them over
       */
      toUserId: string;
    };
    HandoverResponse: {
      /** @description responsibilities of fromUserId ended */
      ended: number;
      /** @description enterprises toUserId already answered for: ended for fromUserId only */
      skipped: number;
      /** @description responsibilities of toUserId started */
      started: number;
    };
    ImportResultResponse: {
      created: number;
      rejected: components['schemas']['RejectedRowResponse'][];
      /** @description data rows read (blank rows are not counted) */
      total: number;
      unchanged: number;
      updated: number;
    };
    InboxResponse: {
      items: components['schemas']['NotificationItem'][];
      /** @description pass as `cursor` for the next page */
      nextCursor: string | null;
      /** @description the caller's unread notifications, all of them */
      unreadCount: number;
    };
    InvestmentDto: {
      /**
       * @description completed investment in the month, whole yuan
       * @example 12500000
       */
      amountYuan: number;
      /** @description required for an amendment (any entry after the first) */
      reason?: string;
    };
    InvestmentMonthResponse: {
      /** @description the latest revision’s amount, whole yuan */
      amountYuan: number;
      /** @example 2025-03 */
      month: string;
      /** @description oldest first */
      revisions: components['schemas']['InvestmentRevisionResponse'][];
    };
    InvestmentRevisionResponse: {
      amountYuan: number;
      /** @description the amendment’s reason */
      reason: string | null;
      /** Format: date-time */
      recordedAt: string;
      /** Format: uuid */
      recordedBy: string | null;
      recordedByName: string | null;
      /** @description 1 for the first entry; each amendment adds one */
      revision: number;
    };
    ItemState: {
      departmentIdAsOf: string | null;
      departmentNameAsOf: string | null;
      inNumerator: boolean;
      statusAsOf: string | null;
    };
    LinkedProblemResponse: {
      /** @example JQ-2025-0042 */
      code: string;
      /** Format: uuid */
      departmentId: string | null;
      departmentName: string | null;
      /** Format: date-time */
      dueAt: string | null;
      /** Format: uuid */
      id: string;
      overdue: boolean;
      status: string;
      title: string;
    };
    LinkProjectDto: {
      note?: string;
      /**
       * Format: uuid
       * @description the project, or null to unlink
       */
      projectId: string | null;
    };
    LoginDto: {
      /** @example Demo@2025 */
      password: string;
      /** @example manager */
      username: string;
    };
    LoginLockResponse: {
      /**
       * @description the client address
       * @example 203.0.113.7
       */
      address: string;
      /** @description failures within the current 15-minute window */
      failures: number;
      /**
       * Format: uuid
       * @description name it to lift the lock
       */
      id: string;
      /** @description whether this address signed in for this username within 90 days */
      knownAddress: boolean;
      /**
       * Format: date-time
       * @description until when this address is refused for this username; null when not locked
       */
      lockedUntil: string | null;
      /** @description the username tried (lower-cased), whether or not such a user exists */
      username: string;
      /** Format: date-time */
      windowStartedAt: string;
    };
    LoginResponse: {
      /** @description send as `Authorization: Bearer <token>` */
      accessToken: string;
      /**
       * @description seconds until the token expires
       * @example 28800
       */
      expiresIn: number;
      /** @enum {string} */
      tokenType: 'Bearer';
      user: components['schemas']['UserResponse'];
    };
    MetaResponse: {
      /**
       * @description the IANA time zone that report days, deadlines and periods are counted in
       * @example Asia/Shanghai
       */
      reportTimezone: string;
    };
    MovedItem: {
      /** @description as recomputed; null when it is no longer counted */
      after: components['schemas']['ItemState'] | null;
      /** @description as published; null when it was not counted */
      before: components['schemas']['ItemState'] | null;
      code: string;
      id: string;
      itemKey: string;
      reasons: components['schemas']['MoveReason'][];
      title: string;
    };
    MoveReason: {
      /**
       * Format: date-time
       * @description null for a comparison
       */
      at: string | null;
      /** @enum {string} */
      code:
        | 'reopened'
        | 'resolved_later'
        | 'withdrawn'
        | 'entered_late'
        | 'reassigned'
        | 'returned'
        | 'signed_for_later'
        | 'closed_later'
        | 'department_renamed'
        | 'definition_changed'
        | 'changed_since';
      /** @example 2025-04-10 09:30 重新打开 */
      text: string;
    };
    MyEnterpriseResponse: {
      district: string;
      districtName: string;
      /** Format: uuid */
      enterpriseId: string;
      /**
       * @description how the caller answers for it
       * @enum {string}
       */
      kind: 'official' | 'leader';
      /** Format: date-time */
      lastVisitAt: string | null;
      name: string;
      /**
       * Format: date-time
       * @description the interval from the last visit, or from the start of responsibility
       */
      nextVisitDueAt: string;
      openProblems: number;
      overdue: boolean;
      /** @description whole days past due; 0 when not overdue */
      overdueDays: number;
      /**
       * @description the latest production status (生产状态)
       * @enum {string}
       */
      productionStatus: 'normal' | 'reduced' | 'idle';
      /** Format: date-time */
      responsibleSince: string;
      /** @enum {string} */
      tier: 'key' | 'above_scale' | 'other';
      visitIntervalDays: number;
    };
    MyEnterprisesResponse: {
      /** @description most overdue first, then soonest due */
      items: components['schemas']['MyEnterpriseResponse'][];
    };
    NoteDto: {
      /** @description what happened */
      note: string;
    };
    NotificationItem: {
      /** Format: date-time */
      at: string;
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the problem it is about, when it is about one
       */
      problemId?: string;
      /** Format: date-time */
      readAt: string | null;
      /** @description short, in Chinese */
      title: string;
      /** @enum {string} */
      type:
        | 'assigned'
        | 'returned'
        | 'sign_for_due'
        | 'due_soon'
        | 'overdue'
        | 'escalated'
        | 'reopened'
        | 'resolved'
        | 'extension_requested'
        | 'extension_decided'
        | 'visit_due'
        | 'weekly_ready';
    };
    OnScheduleRate: {
      /** @description of the enterprises under responsibility, those never overdue in the period */
      onSchedule: number;
      /**
       * @description one decimal place, half-up; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      /** @description enterprises under responsibility during the period */
      responsible: number;
    };
    OnTimeRate: {
      onTime: number;
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      resolved: number;
    };
    OnTimeWithExtensionRate: {
      /** @description resolved on or before the extended deadline (the first when none) */
      onTimeWithExtension: number;
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      resolved: number;
    };
    OptionalNoteDto: {
      /** @description a note for the record */
      note?: string;
    };
    PendingExtensionResponse: {
      /**
       * Format: date-time
       * @description the date asked for
       */
      dueAt: string;
      /**
       * Format: date-time
       * @description the deadline when it was asked
       */
      previousDueAt: string;
      reason: string;
      /** Format: date-time */
      requestedAt: string;
      /** @example 张三 */
      requestedBy: string | null;
      /** @description the id of its request_extension event */
      requestEventId: string;
    };
    PeriodInfo: {
      /**
       * Format: date-time
       * @description the first instant of the period
       */
      from: string;
      /** @example 2025-Q1 */
      label: string;
      /**
       * @description the report time zone the period is cut in
       * @example Asia/Shanghai
       */
      timezone: string;
      /**
       * Format: date-time
       * @description the first instant after the period
       */
      to: string;
    };
    PolicyPromoted: {
      /** @example 稳岗返还 */
      policy: string;
      /** @description counted visits that promoted it */
      visits: number;
    };
    PreferenceItem: {
      dingtalk: boolean;
      email: boolean;
      /** @description always true: the inbox cannot be switched off */
      inbox: boolean;
      /** @description the Chinese name of the type */
      label: string;
      /** @enum {string} */
      type:
        | 'assigned'
        | 'returned'
        | 'sign_for_due'
        | 'due_soon'
        | 'overdue'
        | 'escalated'
        | 'reopened'
        | 'resolved'
        | 'extension_requested'
        | 'extension_decided'
        | 'visit_due'
        | 'weekly_ready';
      webhook: boolean;
      wecom: boolean;
    };
    PreferenceItemDto: {
      /** @description false: not by DingTalk */
      dingtalk?: boolean;
      /** @description false: not by e-mail */
      email?: boolean;
      /** @enum {string} */
      type:
        | 'assigned'
        | 'returned'
        | 'sign_for_due'
        | 'due_soon'
        | 'overdue'
        | 'escalated'
        | 'reopened'
        | 'resolved'
        | 'extension_requested'
        | 'extension_decided'
        | 'visit_due'
        | 'weekly_ready';
      /** @description false: not by webhook */
      webhook?: boolean;
      /** @description false: not by WeCom */
      wecom?: boolean;
    };
    PreferencesDto: {
      /** @description the whole choice: a type or channel left out is on; the inbox is always on */
      items: components['schemas']['PreferenceItemDto'][];
    };
    PreferencesResponse: {
      items: components['schemas']['PreferenceItem'][];
    };
    ProblemAssistResponse: {
      /**
       * Format: uuid
       * @description the assisting department (协办单位)
       */
      departmentId: string;
      /** @example 市自然资源局 */
      departmentName: string;
      /** Format: date-time */
      doneAt: string | null;
      /** @description the note the department marked its part done with */
      doneNote: string | null;
      /** @description open until the department marks its part done; cancelled when the problem was withdrawn or closed first */
      status: components['schemas']['AssistStatus'];
    };
    ProblemEnterpriseResponse: {
      /**
       * @description the district code
       * @example suzhou
       */
      district: string;
      /** @example 肃州区 */
      districtName: string;
      /** Format: uuid */
      id: string;
      /** @example 酒泉某新能源装备有限公司 */
      name: string;
    };
    ProblemEventResponse: {
      /**
       * Format: uuid
       * @description null for events the service wrote
       */
      actorId: string | null;
      /** @example 张伟 */
      actorName: string | null;
      /** Format: date-time */
      at: string;
      /** @description what the event changed besides the status */
      data: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      departmentId: string | null;
      /** @description null for the event that recorded the problem */
      fromStatus: components['schemas']['Status'] | null;
      /** @example 1042 */
      id: string;
      note: string | null;
      toStatus: components['schemas']['Status'];
      /**
       * @description created, an action, reassign or warning
       * @example assign
       */
      type: string;
    };
    ProblemInputDto: {
      /**
       * @description a category code from GET /categories
       * @example factor_supply
       */
      category: string;
      description?: string;
      /**
       * @description when it was recorded; defaults to now; never in the future
       * @example 2025-03-31T23:30:00+08:00
       */
      reportedAt?: string;
      /**
       * @description defaults to visit when raised in a visit, other otherwise
       * @enum {string}
       */
      source?: 'visit' | 'hotline' | 'online' | 'meeting' | 'other';
      /** @example 园区110千伏变电站扩容迟迟未批 */
      title: string;
    };
    ProblemPage: {
      items: components['schemas']['ProblemResponse'][];
      /** @description pass as cursor for the next page; null on the last */
      nextCursor: string | null;
      /** @description with withTotal=true only: how many problems match, on every page of the walk */
      total?: number;
    };
    ProblemResponse: {
      /** @description on a single problem: the actions the caller may take on it now */
      allowedActions?: components['schemas']['Action'][];
      /** @description on a single problem: the assisting departments (协办) of the current assignment and their parts */
      assists?: components['schemas']['ProblemAssistResponse'][];
      /** @description on a single problem: its attachments, oldest first; eventId ties one to its event on the timeline */
      attachments?: components['schemas']['AttachmentResponse'][];
      /** @description bounced (推诿): left a department (returned or reassigned away) twice or more, or assigned to more than two departments */
      bounced: boolean;
      /**
       * @description the category code
       * @example labour
       */
      category: string;
      /** @example 用工 */
      categoryName: string;
      /** @example JQ-2025-0042 */
      code: string;
      /** Format: uuid */
      createdBy: string;
      /** @description calendar days from reportedAt until resolved (or withdrawn), or until now while open */
      daysOpen: number;
      /** @description working days past the deadline while open and overdue, else 0 */
      daysOverdue: number;
      /** Format: uuid */
      departmentId: string | null;
      /** @example 市工信局 */
      departmentName: string | null;
      description: string | null;
      /**
       * Format: date-time
       * @description the deadline in force: the first one given to the department, or an approved extension of it
       */
      dueAt: string | null;
      /** Format: uuid */
      duplicateOf: string | null;
      /**
       * Format: date-time
       * @description when it was entered into the service
       */
      enteredAt: string;
      enterprise: components['schemas']['ProblemEnterpriseResponse'];
      /** Format: uuid */
      enterpriseId: string;
      /** @description under supervision (督办) now: a supervision is active */
      escalated: boolean;
      /** @description on a single problem: its events, oldest first */
      events?: components['schemas']['ProblemEventResponse'][];
      feedback: string | null;
      /**
       * Format: date-time
       * @description the deadline first given to the department in this round (按期办结 is judged against it)
       */
      firstDueAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      lastEventAt: string;
      /** @example assign */
      lastEventType: string;
      overdue: boolean;
      /** @description on a single problem: the extension request awaiting a decision, or null */
      pendingExtension?: components['schemas']['PendingExtensionResponse'] | null;
      /**
       * Format: uuid
       * @description the key project it concerns
       */
      projectId: string | null;
      projectName: string | null;
      /** Format: date-time */
      reportedAt: string;
      resolution: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
      satisfaction: components['schemas']['Satisfaction'] | null;
      /**
       * Format: date-time
       * @description when the department holding the problem signed for it (签收)
       */
      signedForAt: string | null;
      /**
       * Format: date-time
       * @description the sign-for deadline (签收时限) of the assignment in force
       */
      signForDueAt: string | null;
      source: components['schemas']['Source'];
      status: components['schemas']['Status'];
      /**
       * @description the status label (Chinese), as GET /statuses lists it
       * @example 办理中
       */
      statusLabel: string;
      /** @description the level of the active supervision, or null */
      supervisionLevel: components['schemas']['SupervisionLevel'] | null;
      /** @description on a single problem: its supervisions, oldest first (the ladder) */
      supervisions?: components['schemas']['SupervisionResponse'][];
      /** @example 用电报装进度慢 */
      title: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description sent back in If-Match with every action
       * @example 3
       */
      version: number;
      /** Format: uuid */
      visitId: string | null;
    };
    ProblemsPerVisit: {
      /** @description problems logged with the counted visits, not withdrawn as of asOf */
      problems: number;
      /**
       * @description problems ÷ visits, one decimal; null with no visit
       * @example 0.4
       */
      value: number | null;
      visits: number;
    };
    ProductionGroup: {
      /**
       * @description enterprises idle (停产) at asOf
       * @example 8
       */
      idle: number;
      /** @example suzhou */
      key: string | null;
      /** @example 肃州区 */
      label: string;
      /**
       * @description enterprises with reduced output (减产) at asOf
       * @example 5
       */
      reduced: number;
      /** @description 复产率 */
      resumptionRate: components['schemas']['ResumptionRate'];
    };
    ProductionReport: {
      /** @example 2025-04-01T00:00:00.000+08:00 */
      asOf: string;
      /** @enum {string} */
      groupBy?: 'district' | 'industry';
      groups?: components['schemas']['ProductionGroup'][];
      /**
       * @description enterprises idle (停产) at asOf
       * @example 8
       */
      idle: number;
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /**
       * @description enterprises with reduced output (减产) at asOf
       * @example 5
       */
      reduced: number;
      /** @description 复产率 */
      resumptionRate: components['schemas']['ResumptionRate'];
    };
    ProgressDto: {
      /** @description what happened */
      note: string;
      /** @description true: the enterprise sees this note on its tracking page (公开); default false (internal) */
      public?: boolean;
    };
    ProjectDefinitionsResponse: {
      /**
       * @description of startRatePercent and its counts
       * @example project-start-rate/v1
       */
      startRate: string;
    };
    ProjectDetailResponse: {
      /** @description may change the descriptive fields (managers, admins) */
      canEdit: boolean;
      /** @description may record stages and monthly investment */
      canRecordProgress: boolean;
      /** @example XM-2025-001 */
      code: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      departmentId: string | null;
      departmentName: string | null;
      /** @example suzhou */
      district: string;
      /** @example 肃州区 */
      districtName: string;
      /** @description has an overdue open problem */
      heldUp: boolean;
      /** Format: uuid */
      id: string;
      industry: string | null;
      investments: components['schemas']['InvestmentMonthResponse'][];
      /** @description sum of each month’s latest entry, whole yuan */
      investmentToDateYuan: number;
      /** @enum {string} */
      kind: 'new' | 'continuing';
      leaderName: string | null;
      /** @example 酒泉某风电装备制造基地项目 */
      name: string;
      /** @description linked problems still open */
      openProblems: number;
      /** @description linked open problems past their deadline */
      overdueProblems: number;
      /** Format: uuid */
      ownerEnterpriseId: string | null;
      ownerEnterpriseName: string | null;
      /** @description past its planned start date and still in preparation */
      pastPlannedStart: boolean;
      /** @description whole yuan */
      plannedAnnualInvestmentYuan: number | null;
      /** Format: date */
      plannedStartDate: string | null;
      /** @description whole yuan */
      plannedTotalInvestmentYuan: number | null;
      /** @example 2025 */
      planYear: number;
      /** @description the problems that name this project, as you may see them */
      problems: components['schemas']['LinkedProblemResponse'][];
      /**
       * @description the latest stage event
       * @enum {string}
       */
      stage: 'preparation' | 'started' | 'completed' | 'in_production';
      /** @description in the order they took effect */
      stageHistory: components['schemas']['StageEventResponse'][];
      /** Format: date-time */
      updatedAt: string;
      /** @description send as If-Match to edit or record a stage */
      version: number;
    };
    ProjectFiguresGroupResponse: {
      /** @description year-on-year growth; null when the previous is 0 */
      investmentGrowthPercent: number | null;
      /** @description completed investment in the period’s months, whole yuan */
      investmentYuan: number;
      key: string | null;
      label: string;
      /** @description projects of the plan year recorded by asOf (denominator) */
      planned: number;
      /** @description the same months a year earlier, same as-of rule */
      previousYearInvestmentYuan: number;
      /** @description of those, started construction by the period end and asOf (numerator) */
      started: number;
      /** @description started ÷ planned, half-up to one decimal */
      startRatePercent: number | null;
    };
    ProjectFiguresReportResponse: {
      /** Format: date-time */
      asOf: string;
      /** @description the definition of each figure given, by figure */
      definitions: components['schemas']['ProjectDefinitionsResponse'];
      /** @enum {string} */
      groupBy?: 'district' | 'industry' | 'department';
      groups?: components['schemas']['ProjectFiguresGroupResponse'][];
      /** @description year-on-year growth; null when the previous is 0 */
      investmentGrowthPercent: number | null;
      /** @description completed investment in the period’s months, whole yuan */
      investmentYuan: number;
      period: components['schemas']['PeriodInfo'];
      /** @description projects of the plan year recorded by asOf (denominator) */
      planned: number;
      /**
       * @description the year of the period’s start
       * @example 2025
       */
      planYear: number;
      /** @description the same months a year earlier, same as-of rule */
      previousYearInvestmentYuan: number;
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description of those, started construction by the period end and asOf (numerator) */
      started: number;
      /** @description started ÷ planned, half-up to one decimal */
      startRatePercent: number | null;
    };
    ProjectImportRejectedRowResponse: {
      errors: components['schemas']['FieldErrorResponse'][];
      /** @description the row number as the spreadsheet shows it (headings: 1) */
      row: number;
    };
    ProjectImportResultResponse: {
      /** @description written: never on a dry run or when any row is rejected */
      applied: boolean;
      /** @description rows with a new code */
      created: number;
      rejected: components['schemas']['ProjectImportRejectedRowResponse'][];
      total: number;
      /** @description rows with a known code */
      updated: number;
    };
    ProjectItemResponse: {
      /** @example XM-2025-001 */
      code: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      departmentId: string | null;
      departmentName: string | null;
      /** @example suzhou */
      district: string;
      /** @example 肃州区 */
      districtName: string;
      /** @description has an overdue open problem */
      heldUp: boolean;
      /** Format: uuid */
      id: string;
      industry: string | null;
      /** @description sum of each month’s latest entry, whole yuan */
      investmentToDateYuan: number;
      /** @enum {string} */
      kind: 'new' | 'continuing';
      leaderName: string | null;
      /** @example 酒泉某风电装备制造基地项目 */
      name: string;
      /** @description linked problems still open */
      openProblems: number;
      /** @description linked open problems past their deadline */
      overdueProblems: number;
      /** Format: uuid */
      ownerEnterpriseId: string | null;
      ownerEnterpriseName: string | null;
      /** @description past its planned start date and still in preparation */
      pastPlannedStart: boolean;
      /** @description whole yuan */
      plannedAnnualInvestmentYuan: number | null;
      /** Format: date */
      plannedStartDate: string | null;
      /** @description whole yuan */
      plannedTotalInvestmentYuan: number | null;
      /** @example 2025 */
      planYear: number;
      /**
       * @description the latest stage event
       * @enum {string}
       */
      stage: 'preparation' | 'started' | 'completed' | 'in_production';
      /** Format: date-time */
      updatedAt: string;
      /** @description send as If-Match to edit or record a stage */
      version: number;
    };
    ProjectPage: {
      items: components['schemas']['ProjectItemResponse'][];
      /** @description pass as cursor for the next page; null on the last */
      nextCursor: string | null;
    };
    PublicNoteResponse: {
      /** Format: date-time */
      at: string;
      /** @description a progress note marked public, or the resolution text */
      note: string;
    };
    PublishBody: {
      /** @description the figure's instant, or now; default the end of the period, or now if it has not ended */
      asOf?: string;
      /**
       * @example resolution-rate
       * @enum {string}
       */
      figure:
        | 'resolution-rate'
        | 'on-time-rate'
        | 'on-time-with-extension-rate'
        | 'satisfaction-rate'
        | 'sign-for-rate'
        | 'visit-coverage-rate'
        | 'project-start-rate'
        | 'assist-on-time-rate';
      /** @description with to, instead of period */
      from?: string;
      /** @description with groupBy: one group's key, as the figure's groups give it; `none` for the group without a key */
      group?: string;
      /** @description one of the figure's groupings (its definition lists them) */
      groupBy?: string;
      /** @description why or where it was published (at most 500 characters) */
      note?: string;
      /**
       * @description a quarter, a month 2025-03, an ISO week 2025-W14 or a year
       * @example 2025-Q1
       */
      period?: string;
      /** @description exclusive end, with from */
      to?: string;
    };
    PublishedFigure: {
      /**
       * Format: date-time
       * @description the figure’s instant (now at publishing when asked for now)
       */
      asOf: string;
      /** @description SHA-256 (hex) of the canonical text of the figure and its items (docs/checking-figures.md) */
      checksum: string;
      /**
       * @description the definition it was published under
       * @example resolution-rate/v1
       */
      definition: string;
      /** @description the definition’s text as published */
      definitionText: components['schemas']['DefinitionText'];
      denominator: number;
      /** @enum {string} */
      figure:
        | 'resolution-rate'
        | 'on-time-rate'
        | 'on-time-with-extension-rate'
        | 'satisfaction-rate'
        | 'sign-for-rate'
        | 'visit-coverage-rate'
        | 'project-start-rate'
        | 'assist-on-time-rate';
      /** @description the one group's key; null for the group without a key; absent for every group */
      group?: string | null;
      /** @description the grouping, when the figure is one group or every group of one */
      groupBy?: string;
      groupLabel?: string | null;
      /** Format: uuid */
      id: string;
      itemCount: number;
      note: string | null;
      numerator: number;
      period: components['schemas']['PeriodInfo'];
      /** Format: date-time */
      publishedAt: string;
      /**
       * Format: uuid
       * @description the user who published it
       */
      publishedBy: string;
      publishedByName: string;
      /** @example 91.3 */
      ratePercent: number | null;
    };
    PublishedItem: {
      code: string;
      /** Format: date-time */
      countedAt: string | null;
      departmentIdAsOf: string | null;
      /** @description the department’s name when published */
      departmentNameAsOf: string | null;
      enterpriseName: string | null;
      /** @description the problem (or enterprise, project) counted */
      id: string;
      inNumerator: boolean;
      itemKey: string;
      reason: string;
      reasonCode: string;
      statusAsOf: string | null;
      title: string;
    };
    PublishedItemsPage: {
      items: components['schemas']['PublishedItem'][];
      nextCursor: string | null;
      published: components['schemas']['PublishedFigure'];
    };
    PublishedList: {
      items: components['schemas']['PublishedFigure'][];
      nextCursor: string | null;
    };
    RateDefinitions: {
      /** @example on-time-rate/v2 */
      onTimeRate: string;
      /** @example on-time-with-extension-rate/v1 */
      onTimeWithExtensionRate: string;
      /** @example resolution-rate/v1 */
      resolutionRate: string;
      /** @example satisfaction-rate/v1 */
      satisfactionRate: string;
      /** @example sign-for-rate/v1 */
      signForRate: string;
    };
    RateFigures: {
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      /** @description problems recorded in the period and not withdrawn */
      recorded: number;
      /** @description of those, resolved or closed as of asOf */
      resolved: number;
    };
    RateGroup: {
      /** @description the group key (id or code); null for none */
      key: string | null;
      /** @example 市工信局 */
      label: string;
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      /** @description problems recorded in the period and not withdrawn */
      recorded: number;
      /** @description of those, resolved or closed as of asOf */
      resolved: number;
    };
    RatingDto: {
      /** @description the enterprise's comment (评价意见) */
      comment?: string;
      /**
       * @description 满意 / 基本满意 / 不满意
       * @enum {string}
       */
      satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
    };
    RatingResponse: {
      /** @enum {string} */
      status: 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';
    };
    ReadAllResponse: {
      /** @description how many were marked read */
      updated: number;
    };
    ReadFromResponse: {
      /**
       * Format: date-time
       * @description the replica held every change committed on the primary before this instant
       */
      replayedTo: string;
      /** @enum {string} */
      source: 'replica';
    };
    ReasonDto: {
      /** @description why */
      reason: string;
    };
    RecomputedFigure: {
      /**
       * @description the current definition
       * @example resolution-rate/v1
       */
      definition: string;
      denominator: number;
      numerator: number;
      ratePercent: number | null;
    };
    Reconciliation: {
      /**
       * Format: date-time
       * @description the instant the figure was recomputed at
       */
      asOf: string;
      difference: components['schemas']['CountDifference'];
      moved: components['schemas']['MovedItem'][];
      now: components['schemas']['RecomputedFigure'];
      published: components['schemas']['PublishedFigure'];
    };
    RecordedStatusResponse: {
      /** @description the enterprise status after this event */
      current: components['schemas']['CurrentStatusResponse'];
      event: components['schemas']['StatusEventResponse'];
    };
    RecordProductionStatusDto: {
      /**
       * @description when the enterprise entered this status (default now); not in the future
       * @example 2025-03-03T00:00:00+08:00
       */
      effectiveAt?: string;
      /** @example 订单不足，3 月起停产检修 */
      note?: string;
      /**
       * @description the month of the output value, with outputValueYuan
       * @example 2025-02
       */
      outputMonth?: string;
      /**
       * @description the output value of outputMonth, whole yuan
       * @example 12500000
       */
      outputValueYuan?: number;
      /**
       * @example idle
       * @enum {string}
       */
      status: 'normal' | 'reduced' | 'idle';
    };
    Redos: {
      /** @description reopens and unsatisfied verifications (返工) */
      count: number;
    };
    RejectedAssignmentRow: {
      errors: components['schemas']['AssignmentRowError'][];
      /** @description the row number as the spreadsheet shows it: the heading row is 1 */
      row: number;
    };
    RejectedRowResponse: {
      errors: components['schemas']['FieldErrorResponse'][];
      /**
       * @description the row number as the spreadsheet shows it (headings: 1)
       * @example 7
       */
      row: number;
    };
    ReopenDto: {
      /**
       * @description the deadline of the redo (返工), in the future; or give dueInWorkingDays; default the category’s time limit
       * @example 2025-04-30T18:00:00+08:00
       */
      dueAt?: string;
      /**
       * @description the redo’s deadline as working days from today
       * @example 10
       */
      dueInWorkingDays?: number;
      /** @description why */
      reason: string;
    };
    RequestExtensionDto: {
      /**
       * @description the deadline asked for (延期至): after the current deadline
       * @example 2025-05-15T18:00:00+08:00
       */
      dueAt: string;
      /** @description why the department needs more time (延期理由) */
      reason: string;
    };
    ResolutionRateReport: {
      /** Format: date-time */
      asOf: string;
      /**
       * @description the definition's id and version (GET /reports/definitions)
       * @example resolution-rate/v1
       */
      definition: string;
      groupBy?: components['schemas']['GroupBy'];
      /** @description with groupBy: every group; they add up to the total */
      groups?: components['schemas']['RateGroup'][];
      /**
       * @description the drill-down (under /api/v1): the problems counted, as they were at asOf; add groupBy and group for a group’s
       * @example /reports/resolution-rate/items?period=2025-Q1&asOf=2025-04-01T00%3A00%3A00.000%2B08%3A00
       */
      items: string;
      period: components['schemas']['PeriodInfo'];
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description problems recorded in the period and not withdrawn */
      recorded: number;
      /** @description of those, resolved or closed as of asOf */
      resolved: number;
    };
    ResolveDto: {
      /** @description why the lead resolves while an assisting department has not finished its part; required then, recorded with the departments still open */
      assistsNote?: string;
      /** @description how it was resolved (办理结果) */
      resolution: string;
    };
    ResponsibilityResponse: {
      /** @description in force at the instant asked about */
      current: boolean;
      displayName: string;
      /** Format: uuid */
      endedBy: string | null;
      endedByName: string | null;
      /** Format: date-time */
      endedRecordedAt: string | null;
      endReason: string | null;
      /**
       * Format: date-time
       * @description null: still open (as of asOf)
       */
      endsAt: string | null;
      /** Format: uuid */
      enterpriseId: string;
      enterpriseName: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'official' | 'leader';
      note: string | null;
      /** Format: date-time */
      recordedAt: string;
      /** Format: uuid */
      recordedBy: string;
      recordedByName: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: uuid */
      userId: string;
      username: string;
    };
    ResponsiblePersonResponse: {
      displayName: string;
      /** @enum {string} */
      kind: 'official' | 'leader';
      /** Format: uuid */
      responsibilityId: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: uuid */
      userId: string;
    };
    ResumptionRate: {
      /**
       * @description idle at the period start
       * @example 8
       */
      idleAtStart: number;
      /**
       * @description half-up, one decimal; null when 0 / 0
       * @example 37.5
       */
      ratePercent: number | null;
      /**
       * @description idle at the period start and normal at its end (or at asOf)
       * @example 3
       */
      resumed: number;
    };
    /** @enum {string} */
    Satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
    SatisfactionRate: {
      /** @description of the verified, those whose latest verification is the enterprise's own rating (tracking page) */
      fromEnterprise: number;
      /** @description of the verified, those whose latest verification a manager recorded after a call (回访) */
      fromManager: number;
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      satisfied: number;
      verified: number;
    };
    SavedViewResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** @description the list's URL query string, as saved */
      query: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SaveViewDto: {
      /** @example 超期督办 */
      name: string;
      /**
       * @description the list's URL query string; stored as given, replayed by the page, never read by the service
       * @example status=assigned,in_progress&overdue=true
       */
      query: string;
      /** @description when a view of this name (any case) exists: true replaces its name and query, otherwise 409 */
      replace?: boolean;
    };
    ScanResult: {
      /**
       * @description false when another instance was scanning at the time
       * @example true
       */
      ran: boolean;
      /** @description the warnings newly recorded, when ran */
      recorded?: components['schemas']['WarningCounts'];
    };
    SetCalendarDayDto: {
      /**
       * @description what the day is, as shown to users (e.g. 春节, 国庆节调休上班)
       * @example 春节
       */
      name: string;
      /**
       * @description false: a day off although a weekday (public holiday); true: a working day although a weekend day (调休上班)
       * @example false
       */
      working: boolean;
    };
    SignForRate: {
      /** @description assignments whose sign-for deadline has passed, or signed for */
      due: number;
      /**
       * @description one decimal place; null when the denominator is 0
       * @example 87.5
       */
      ratePercent: number | null;
      /** @description signed for on or before the sign-for deadline */
      timely: number;
    };
    /** @enum {string} */
    Source: 'visit' | 'hotline' | 'online' | 'meeting' | 'other';
    StageDto: {
      /**
       * @description when the project entered the stage (e.g. construction began); not in the future
       * @example 2025-03-18T09:00:00+08:00
       */
      effectiveAt: string;
      /** @description required when the stage goes back (a correction) */
      note?: string;
      /** @enum {string} */
      stage: 'preparation' | 'started' | 'completed' | 'in_production';
    };
    StageEventResponse: {
      /** Format: uuid */
      actorId: string | null;
      actorName: string | null;
      /**
       * Format: date-time
       * @description when the project entered the stage
       */
      effectiveAt: string;
      id: string;
      note: string | null;
      /**
       * Format: date-time
       * @description when it was recorded
       */
      recordedAt: string;
      /** @enum {string} */
      stage: 'preparation' | 'started' | 'completed' | 'in_production';
    };
    /** @enum {string} */
    Status: 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';
    StatusEventResponse: {
      /**
       * @description when the enterprise entered the status
       * @example 2025-03-02T16:00:00.000Z
       */
      effectiveAt: string;
      /** @example 42 */
      id: string;
      note: string | null;
      /** @example 2025-02 */
      outputMonth: string | null;
      /**
       * @description whole yuan
       * @example 12500000
       */
      outputValueYuan: number | null;
      /** @example 2025-03-03T02:00:00.000Z */
      recordedAt: string;
      /** Format: uuid */
      recordedById: string | null;
      /** @example 张三 */
      recordedByName: string | null;
      /**
       * @example idle
       * @enum {string}
       */
      status: 'normal' | 'reduced' | 'idle';
    };
    StatusHistoryResponse: {
      /** @description whether the caller may record a status for this enterprise */
      canRecord: boolean;
      current: components['schemas']['CurrentStatusResponse'];
      /** Format: uuid */
      enterpriseId: string;
      /** @description newest first (by effectiveAt, then recording) */
      items: components['schemas']['StatusEventResponse'][];
    };
    StatusResponse: {
      code: components['schemas']['Status'];
      /** @example 办理中 */
      name: string;
      /** @example In progress */
      nameEn: string;
    };
    /**
     * @description the level of the active supervision, or null
     * @enum {string}
     */
    SupervisionLevel: 'reminder' | 'supervision' | 'listed';
    SupervisionPage: {
      items: components['schemas']['SupervisionResponse'][];
      nextCursor: string | null;
    };
    SupervisionResponse: {
      /** @description not lifted nor superseded */
      active: boolean;
      /**
       * Format: date-time
       * @description the department answers by this instant
       */
      answerBy: string;
      /**
       * Format: date-time
       * @description the department's answer: its first progress note, extension request or resolution after it
       */
      answeredAt: string | null;
      /**
       * Format: uuid
       * @description the department holding the problem now
       */
      departmentId: string | null;
      departmentName: string | null;
      enterpriseName: string;
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the supervising leader
       */
      leaderId: string | null;
      leaderName: string | null;
      level: components['schemas']['SupervisionLevel'];
      /**
       * Format: date-time
       * @description lifted, or superseded by a higher level
       */
      liftedAt: string | null;
      liftedByName: string | null;
      liftNote: string | null;
      /** Format: date-time */
      openedAt: string;
      /** Format: uuid */
      openedBy: string;
      openedByName: string;
      /** @description active, unanswered, past its answer-by date, the problem still open */
      overdue: boolean;
      /** @example JQ-2025-0042 */
      problemCode: string;
      /** Format: uuid */
      problemId: string;
      /** @description the problem status now */
      problemStatus: string;
      problemTitle: string;
      /**
       * Format: uuid
       * @description the higher supervision that replaced it
       */
      supersededBy: string | null;
      /** @description working days past the answer-by date while overdue, else 0 */
      workingDaysOverdue: number;
    };
    TierIntervalResponse: {
      /** @enum {string} */
      code: 'key' | 'above_scale' | 'other';
      /** @example Key enterprise */
      labelEn: string;
      /** @example 重点企业 */
      labelZh: string;
      /** Format: date-time */
      setAt: string;
      /** @description null: the default */
      setByName: string | null;
      /**
       * @description the interval in force now
       * @example 30
       */
      visitIntervalDays: number;
    };
    TrackingLinkResponse: {
      /**
       * Format: date-time
       * @description null while the problem is open; then its closing (or withdrawal) plus the configured days
       */
      expiresAt: string | null;
      /** @description 32 random bytes, base64url (43 characters) */
      token: string;
      /**
       * @description the page the enterprise opens
       * @example https://baolian.example.gov.cn/t/3q2-…
       */
      url: string;
    };
    TrackResponse: {
      /** @description true while the problem is resolved and awaits the enterprise’s rating */
      canRate: boolean;
      /**
       * @description the tracking code (the problem’s code)
       * @example JQ-2025-0042
       */
      code: string;
      /** @description the responsible department, once assigned */
      departmentName: string | null;
      /**
       * Format: date-time
       * @description the committed date (办理时限)
       */
      dueAt: string | null;
      publicNotes: components['schemas']['PublicNoteResponse'][];
      /** @enum {string} */
      status: 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';
      title: string;
    };
    TrendPoint: {
      /** Format: date-time */
      asOf: string;
      medianDaysToResolve: number | null;
      /** @description judged against the first deadline of the resolving department */
      onTimeRate: components['schemas']['OnTimeRate'];
      onTimeWithExtensionRate: components['schemas']['OnTimeWithExtensionRate'];
      period: components['schemas']['PeriodInfo'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description 返工 */
      redos: components['schemas']['Redos'];
      resolutionRate: components['schemas']['RateFigures'];
      returns: number;
      satisfactionRate: components['schemas']['SatisfactionRate'];
      /** @description 及时签收率 */
      signForRate: components['schemas']['SignForRate'];
    };
    TrendReport: {
      definitions: components['schemas']['RateDefinitions'];
      /** @example quarter */
      granularity: string;
      /** @description oldest first */
      points: components['schemas']['TrendPoint'][];
    };
    UpdateCategoryDto: {
      /**
       * @description the default time limit (办理时限) of a problem in this category, in working days
       * @example 10
       */
      defaultDueWorkingDays?: number;
      /**
       * @description the Chinese display name (unique)
       * @example 用工
       */
      name?: string;
      /**
       * @description the sign-for time limit (签收时限) of an assignment in this category, in working days
       * @example 1
       */
      signForWorkingDays?: number;
    };
    UpdateChannelDto: {
      enabled?: boolean;
      name?: string;
      /** @description a new secret; null removes it; write-only */
      secret?: string | null;
      /** @description as on creation; a key or token in it replaces the stored one */
      target?: string;
    };
    UpdateEnterpriseDto: {
      address?: string | null;
      contactName?: string | null;
      /** @example 0937-2612345 */
      contactPhone?: string | null;
      /**
       * @description a district code from GET /districts
       * @example suzhou
       */
      district?: string;
      /** @example new_energy_equipment */
      industry?: string | null;
      /** @description 规上企业 */
      isAboveScale?: boolean;
      /** @description 重点企业 */
      isKey?: boolean;
      /** @example 酒泉某新能源装备有限公司 */
      name?: string;
      /**
       * @description the tier (企业层级), which sets the visit interval
       * @enum {string}
       */
      tier?: 'key' | 'above_scale' | 'other';
    };
    UpdateProjectDto: {
      /**
       * @description the project office code, unique
       * @example XM-2025-001
       */
      code?: string;
      /**
       * Format: uuid
       * @description the responsible department
       */
      departmentId?: string | null;
      /**
       * @description a district code from GET /districts
       * @example suzhou
       */
      district?: string;
      /** @example new_energy_equipment */
      industry?: string | null;
      /**
       * @description new 新建 or continuing 续建
       * @enum {string}
       */
      kind?: 'new' | 'continuing';
      /** @description the responsible leader (责任领导) */
      leaderName?: string | null;
      /** @example 酒泉某风电装备制造基地项目 */
      name?: string;
      /**
       * Format: uuid
       * @description the owner enterprise (项目业主)
       */
      ownerEnterpriseId?: string | null;
      /** @description planned investment in the plan's year, whole yuan */
      plannedAnnualInvestmentYuan?: number | null;
      /**
       * Format: date
       * @example 2025-03-15
       */
      plannedStartDate?: string | null;
      /** @description planned total investment, whole yuan */
      plannedTotalInvestmentYuan?: number | null;
      /**
       * @description the year of the plan the project belongs to
       * @example 2025
       */
      planYear?: number;
    };
    UpdateTierDto: {
      /** @example 30 */
      visitIntervalDays: number;
    };
    UpdateUserDto: {
      /** Format: uuid */
      departmentId?: string | null;
      disabled?: boolean;
      displayName?: string;
      password?: string;
      /** @enum {string} */
      role?: 'admin' | 'manager' | 'official' | 'handler';
    };
    UserResponse: {
      /** Format: uuid */
      departmentId: string | null;
      disabled?: boolean;
      displayName: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'admin' | 'manager' | 'official' | 'handler';
      username: string;
    };
    VerifyDto: {
      /**
       * @description the deadline of the redo (返工), in the future; or give dueInWorkingDays; default the category’s time limit
       * @example 2025-04-30T18:00:00+08:00
       */
      dueAt?: string;
      /**
       * @description the redo’s deadline as working days from today
       * @example 10
       */
      dueInWorkingDays?: number;
      /** @description the enterprise's feedback (回访意见) */
      feedback?: string;
      /** @enum {string} */
      satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
    };
    VisitDefinitions: {
      /**
       * @description of coverageRatePercent and its counts
       * @example visit-coverage-rate/v1
       */
      coverageRate: string;
    };
    VisitFigures: {
      /**
       * @description 走访覆盖率: enterprisesVisited ÷ enterprisesResponsible; null when 0
       * @example 87.5
       */
      coverageRatePercent: number | null;
      /** @description distinct enterprises with a counted visit, under responsibility or not */
      enterprisesReached: number;
      /** @description enterprises under responsibility at some time in the period (coverage denominator) */
      enterprisesResponsible: number;
      /** @description of those, the ones visited at least once in the period (coverage numerator) */
      enterprisesVisited: number;
      onScheduleRate: components['schemas']['OnScheduleRate'];
      /** @description most promoted first, at most 20 */
      policiesPromoted: components['schemas']['PolicyPromoted'][];
      problemsPerVisit: components['schemas']['ProblemsPerVisit'];
      /** @description visits made in the period, as recorded and not withdrawn as of asOf */
      visits: number;
    };
    VisitFiguresGroup: {
      /**
       * @description 走访覆盖率: enterprisesVisited ÷ enterprisesResponsible; null when 0
       * @example 87.5
       */
      coverageRatePercent: number | null;
      /** @description distinct enterprises with a counted visit, under responsibility or not */
      enterprisesReached: number;
      /** @description enterprises under responsibility at some time in the period (coverage denominator) */
      enterprisesResponsible: number;
      /** @description of those, the ones visited at least once in the period (coverage numerator) */
      enterprisesVisited: number;
      /** @description district code, user id or tier code */
      key: string | null;
      /** @example 肃州区 */
      label: string;
      onScheduleRate: components['schemas']['OnScheduleRate'];
      /** @description most promoted first, at most 20 */
      policiesPromoted: components['schemas']['PolicyPromoted'][];
      problemsPerVisit: components['schemas']['ProblemsPerVisit'];
      /** @description visits made in the period, as recorded and not withdrawn as of asOf */
      visits: number;
    };
    /** @enum {string} */
    VisitGroupBy: 'district' | 'official' | 'tier';
    VisitOfficialResponse: {
      /** @example 张伟 */
      displayName: string;
      /** Format: uuid */
      id: string;
    };
    VisitPage: {
      items: components['schemas']['VisitViewResponse'][];
      /** @description pass as cursor for the next page; null on the last */
      nextCursor: string | null;
    };
    VisitProblemResponse: {
      /** @example JQ-2025-0042 */
      code: string;
      /** Format: uuid */
      departmentId: string | null;
      departmentName: string | null;
      /** Format: date-time */
      dueAt: string | null;
      /** Format: uuid */
      id: string;
      /**
       * @description where it stands now
       * @enum {string}
       */
      status: 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';
      title: string;
    };
    VisitResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      createdBy: string;
      /** Format: uuid */
      enterpriseId: string;
      /** Format: uuid */
      id: string;
      notes: string | null;
      officials: components['schemas']['VisitOfficialResponse'][];
      /**
       * @example [
       *       "稳岗补贴"
       *     ]
       */
      policiesPromoted: string[];
      /** @description the problems raised in the visit, as recorded */
      problems: components['schemas']['ProblemResponse'][];
      purpose: string | null;
      /** Format: date-time */
      visitedAt: string;
    };
    VisitRevisionResponse: {
      /** @description what differs from the revision before */
      changed: ('visitedAt' | 'purpose' | 'notes' | 'policiesPromoted' | 'officials')[];
      notes: string | null;
      officials: components['schemas']['VisitOfficialResponse'][];
      policiesPromoted: string[];
      purpose: string | null;
      /** @description why it was corrected; null for revision 1 */
      reason: string | null;
      /** Format: date-time */
      recordedAt: string;
      recordedBy: components['schemas']['VisitOfficialResponse'];
      /** @description 1 is the visit as first recorded */
      revision: number;
      /** Format: date-time */
      visitedAt: string;
    };
    VisitsReport: {
      /** Format: date-time */
      asOf: string;
      /**
       * @description 走访覆盖率: enterprisesVisited ÷ enterprisesResponsible; null when 0
       * @example 87.5
       */
      coverageRatePercent: number | null;
      /** @description the definition of each figure given, by figure */
      definitions: components['schemas']['VisitDefinitions'];
      /** @description distinct enterprises with a counted visit, under responsibility or not */
      enterprisesReached: number;
      /** @description enterprises under responsibility at some time in the period (coverage denominator) */
      enterprisesResponsible: number;
      /** @description of those, the ones visited at least once in the period (coverage numerator) */
      enterprisesVisited: number;
      groupBy?: components['schemas']['VisitGroupBy'];
      /** @description with groupBy: every district or tier, or every official met. By official a visit counts for each of its officials, so the groups need not add up to the total */
      groups?: components['schemas']['VisitFiguresGroup'][];
      onScheduleRate: components['schemas']['OnScheduleRate'];
      period: components['schemas']['PeriodInfo'];
      /** @description most promoted first, at most 20 */
      policiesPromoted: components['schemas']['PolicyPromoted'][];
      problemsPerVisit: components['schemas']['ProblemsPerVisit'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description visits made in the period, as recorded and not withdrawn as of asOf */
      visits: number;
    };
    VisitViewResponse: {
      /** @description on a single visit: its attachments, oldest first */
      attachments?: components['schemas']['AttachmentResponse'][];
      /** @description whether the caller may amend or withdraw it now */
      canAmend: boolean;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description who recorded it
       */
      createdBy: string;
      createdByName: string;
      /**
       * @description district code
       * @example suzhou
       */
      district: string;
      /** @example 肃州区 */
      districtName: string;
      /** Format: uuid */
      enterpriseId: string;
      /** @example 酒泉某某新能源有限公司 */
      enterpriseName: string;
      /** Format: uuid */
      id: string;
      /** @description the enterprise's feedback and what was said */
      notes: string | null;
      officials: components['schemas']['VisitOfficialResponse'][];
      policiesPromoted: string[];
      /** @description the problems logged with it, as they stand now; a handler sees only his department’s */
      problems: components['schemas']['VisitProblemResponse'][];
      purpose: string | null;
      /** @description the latest revision (1: as first recorded); the ETag and If-Match value */
      revision: number;
      /** @enum {string} */
      status: 'recorded' | 'withdrawn';
      /**
       * @description the enterprise's tier now
       * @enum {string}
       */
      tier: 'key' | 'above_scale' | 'other';
      /** Format: date-time */
      visitedAt: string;
      /** @description when, by whom and why it was withdrawn; null while it counts */
      withdrawn: components['schemas']['VisitWithdrawalResponse'] | null;
    };
    VisitWithdrawalResponse: {
      /** Format: date-time */
      at: string;
      by: components['schemas']['VisitOfficialResponse'];
      reason: string;
    };
    WarningCounts: {
      /** @example 4 */
      due_soon: number;
      /**
       * @description always 0 for handlers
       * @example 1
       */
      idle_not_visited: number;
      /**
       * @description always 0 for handlers; for officials, their own enterprises only
       * @example 12
       */
      not_visited: number;
      /** @example 2 */
      overdue: number;
      /**
       * @description handlers: the projects of their department
       * @example 2
       */
      project_not_started: number;
      /**
       * @description assigned problems not signed for (签收) by their sign-for deadline
       * @example 1
       */
      sign_for_overdue: number;
      /** @example 3 */
      stale: number;
      /**
       * @description supervisions (督办) past their answer-by date, unanswered
       * @example 1
       */
      supervision_overdue: number;
      /**
       * @description enterprises nobody answers for; managers and admins only (else 0)
       * @example 1
       */
      unassigned: number;
    };
    WarningItem: {
      /**
       * @description supervision_overdue: the date by which the department had to answer
       * @example 2025-09-26T10:00:00.000Z
       */
      answerBy?: string;
      /** @example JQ-2025-0042 */
      code?: string;
      /**
       * @description project_not_started: days since the planned start date
       * @example 12
       */
      daysLate?: number;
      /**
       * @description overdue: working days after the deadline day up to and including today (report time zone); supervision_overdue: the same after the answer-by day
       * @example 7
       */
      daysOverdue?: number;
      /**
       * Format: uuid
       * @description problem warnings; null while unassigned
       */
      departmentId?: string | null;
      /** @example 市工信局 */
      departmentName?: string | null;
      /**
       * @description when the scan recorded it, once it has
       * @example 2025-03-10T01:00:00.000Z
       */
      detectedAt?: string;
      /**
       * @description overdue and due_soon
       * @example 2025-09-26T09:00:00.000Z
       */
      dueAt?: string;
      /**
       * Format: uuid
       * @description project_not_started: the owner enterprise, null when the project names none
       */
      enterpriseId: string | null;
      /** @example 酒泉某新能源装备有限公司 */
      enterpriseName: string | null;
      /**
       * @description sign_for_overdue: whole hours since the sign-for deadline
       * @example 20
       */
      hoursLate?: number;
      /**
       * @description stale: whole days since the last action
       * @example 9
       */
      idleDays?: number;
      /**
       * @description idle_not_visited: since when the enterprise is idle
       * @example 2025-02-20T00:00:00.000Z
       */
      idleSince?: string | null;
      /**
       * @description stale: the last action on the problem
       * @example 2025-03-01T02:00:00.000Z
       */
      lastActivityAt?: string;
      /**
       * @description not_visited: the last visit, null when never visited
       * @example 2025-01-10T02:00:00.000Z
       */
      lastVisitAt?: string | null;
      /**
       * @example overdue
       * @enum {string}
       */
      level:
        | 'overdue'
        | 'due_soon'
        | 'stale'
        | 'not_visited'
        | 'unassigned'
        | 'project_not_started'
        | 'idle_not_visited'
        | 'sign_for_overdue'
        | 'supervision_overdue';
      /**
       * @description not_visited: when the visit fell due (the tier's interval after the last visit or the start of responsibility)
       * @example 2025-03-01T02:00:00.000Z
       */
      nextVisitDueAt?: string;
      /** @description not_visited: the responsible officials now */
      officials?: components['schemas']['WarningOfficial'][];
      /**
       * @description project_not_started: the planned start date
       * @example 2025-03-01
       */
      plannedStartDate?: string;
      /**
       * Format: uuid
       * @description problem warnings
       */
      problemId?: string;
      /**
       * @description project_not_started
       * @example XM-2025-001
       */
      projectCode?: string;
      /**
       * Format: uuid
       * @description project_not_started
       */
      projectId?: string;
      /**
       * @description project_not_started
       * @example 年产 5 万吨新材料项目
       */
      projectName?: string;
      /**
       * @description sign_for_overdue: the sign-for deadline
       * @example 2025-09-26T10:00:00.000Z
       */
      signForDueAt?: string;
      /**
       * @description the problem status
       * @example in_progress
       */
      status?: string;
      /**
       * @description not_visited: the enterprise's tier
       * @example key
       */
      tier?: string;
      /** @example 用电报装进度慢 */
      title?: string;
      /**
       * @description unassigned: since when nobody answers for it (the last responsibility ended, or registration)
       * @example 2025-01-10T02:00:00.000Z
       */
      unassignedSince?: string;
      /**
       * @description due_soon: working days after today up to and including the deadline day
       * @example 2
       */
      workingDaysLeft?: number;
    };
    WarningOfficial: {
      /** Format: uuid */
      id: string;
      /** @example 张伟 */
      name: string;
    };
    WarningsResponse: {
      /** @description exact, whatever the level filter and the item cap */
      counts: components['schemas']['WarningCounts'];
      items: components['schemas']['WarningItem'][];
      /**
       * @description true when more items exist than those listed (the limit, 500 at most)
       * @example false
       */
      truncated: boolean;
    };
    WeeklyCoverage: {
      /**
       * @description null when no enterprise was under responsibility
       * @example 87.5
       */
      coverageRatePercent: number | null;
      /** @description every district */
      districts: components['schemas']['WeeklyCoverageRow'][];
      enterprisesResponsible: number;
      enterprisesVisited: number;
      /**
       * @description the quarter that holds the last day of the week
       * @example 2025-Q2
       */
      label: string;
    };
    WeeklyCoverageRow: {
      /**
       * @description null when no enterprise was under responsibility
       * @example 87.5
       */
      coverageRatePercent: number | null;
      /** @example suzhou */
      districtCode: string | null;
      /** @description enterprises under responsibility in the quarter so far (denominator) */
      enterprisesResponsible: number;
      /** @description enterprises under responsibility visited at least once (numerator) */
      enterprisesVisited: number;
      /** @example 肃州区 */
      name: string;
      /**
       * @description the district's English name (its Chinese one when none)
       * @example Suzhou District
       */
      nameEn: string;
    };
    WeeklyDeadlineFigures: {
      /** @example 2025-Q2 */
      label: string;
      onTime: components['schemas']['OnTimeRate'];
      onTimeWithExtension: components['schemas']['OnTimeWithExtensionRate'];
      /** @description redos (返工) in the quarter so far */
      redos: number;
      signFor: components['schemas']['SignForRate'];
    };
    WeeklyDeadlinesSection: {
      /** @description extension requests made or decided in the week */
      extensions: components['schemas']['WeeklyExtensionItem'][];
      /** @description sign-for deadlines in the week missed */
      lateSignFor: components['schemas']['WeeklyLateSignForItem'][];
      /** @description the quarter holding the week, as of the instant */
      quarterToDate: components['schemas']['WeeklyDeadlineFigures'];
    };
    WeeklyDefinitions: {
      /** @example assessment-score/v1 */
      assessmentScore: string;
      /** @example on-time-rate/v2 */
      onTimeRate: string;
      /** @example on-time-with-extension-rate/v1 */
      onTimeWithExtensionRate: string;
      /** @example resolution-rate/v1 */
      resolutionRate: string;
      /** @example sign-for-rate/v1 */
      signForRate: string;
      /** @example visit-coverage-rate/v1 */
      visitCoverageRate: string;
    };
    WeeklyDepartmentRow: {
      /** @description its assisting parts marked done during the week */
      assistsDoneThisWeek: number;
      /** @description its assisting parts (协办) open at the end of the week */
      assistsOpen: number;
      /** Format: uuid */
      departmentId: string;
      /** @example 市工信局 */
      name: string;
      /** @description open (assigned or in progress) at the end of the week */
      open: number;
      /** @description open and past the deadline at the end of the week */
      overdue: number;
      /**
       * @description null when nothing was recorded
       * @example 87.5
       */
      ratePercent: number | null;
      /** @description quarter to date, as of the end of the week */
      recorded: number;
      /** @description quarter to date, as of the end of the week */
      resolved: number;
      resolvedThisWeek: number;
    };
    WeeklyEnterpriseItem: {
      /** @description whole days from since to the end of the week */
      days: number | null;
      /** @example 玉门市 */
      districtName: string;
      /**
       * @description the district in English (the Chinese name where none is entered)
       * @example Suzhou District
       */
      districtNameEn: string;
      /** Format: uuid */
      id: string;
      /** @example new_materials */
      industry: string | null;
      /** @example 酒泉某新材料有限公司 */
      name: string;
      /**
       * @description at the start of the week
       * @enum {string}
       */
      previousStatus: 'normal' | 'reduced' | 'idle';
      /** @description since when the status at the end holds */
      since: string | null;
      /**
       * @description at the end of the week
       * @enum {string}
       */
      status: 'normal' | 'reduced' | 'idle';
      /** @example 停产 */
      statusLabel: string;
    };
    WeeklyEnterpriseLists: {
      idleOver30Days: components['schemas']['WeeklyEnterpriseItem'][];
      newlyIdleOrReduced: components['schemas']['WeeklyEnterpriseItem'][];
      resumed: components['schemas']['WeeklyEnterpriseItem'][];
    };
    WeeklyEnterprisesSection: {
      /** @example 4 */
      idleAtEnd: number;
      /**
       * @description idle at the end, unbroken for more than 30 days
       * @example 1
       */
      idleOver30Days: number;
      /** @description at most 200 each */
      lists: components['schemas']['WeeklyEnterpriseLists'];
      /**
       * @description idle or reduced at the end and not so at the start
       * @example 1
       */
      newlyIdleOrReduced: number;
      /** @example 6 */
      reducedAtEnd: number;
      /**
       * @description idle or reduced at the start, normal at the end
       * @example 2
       */
      resumedThisWeek: number;
    };
    WeeklyExtensionItem: {
      /** @example JQ-2025-0042 */
      code: string;
      /** Format: date-time */
      decidedAt: string | null;
      /** @enum {string} */
      decision: 'pending' | 'approved' | 'refused';
      decisionNote: string | null;
      /** @example 市工信局 */
      departmentName: string;
      /** Format: date-time */
      previousDueAt: string;
      /** Format: uuid */
      problemId: string;
      reason: string;
      /** Format: date-time */
      requestedAt: string;
      /** Format: date-time */
      requestedDueAt: string;
      title: string;
    };
    WeeklyIdleOfficial: {
      /** @description enterprises the official answered for at the end of the week */
      enterprises: number;
      name: string;
      /** Format: uuid */
      userId: string;
    };
    WeeklyInvestment: {
      /**
       * @description the plan's annual investment, yuan
       * @example 40000000000
       */
      annualPlanYuan: number;
      /**
       * @description the month holding the week's last day
       * @example 2025-03
       */
      month: string;
      /**
       * @description completed in that month, yuan
       * @example 2950000000
       */
      monthYuan: number;
      /**
       * @description yearToDate ÷ annual plan, %
       * @example 20.9
       */
      percentOfPlan: number | null;
      /** @example 2025 */
      planYear: number;
      /**
       * @description completed in the plan year up to that month, yuan
       * @example 8350000000
       */
      yearToDateYuan: number;
    };
    WeeklyLateSignForItem: {
      code: string;
      departmentName: string;
      /** @description whole hours from the deadline to the sign-for, or to the instant */
      hoursLate: number;
      /** Format: uuid */
      problemId: string;
      /**
       * Format: date-time
       * @description null: not signed for yet
       */
      signedForAt: string | null;
      /** Format: date-time */
      signForDueAt: string;
      title: string;
    };
    WeeklyLists: {
      escalated: components['schemas']['WeeklyProblemItem'][];
      new: components['schemas']['WeeklyProblemItem'][];
      overdue: components['schemas']['WeeklyProblemItem'][];
      unsatisfied: components['schemas']['WeeklyProblemItem'][];
    };
    WeeklyListsTruncated: {
      escalated: boolean;
      new: boolean;
      overdue: boolean;
      unsatisfied: boolean;
    };
    WeeklyMovedItem: {
      /** @description as recomputed; null when no longer counted */
      after: components['schemas']['WeeklyMovedState'] | null;
      /** @description as published; null when not counted then */
      before: components['schemas']['WeeklyMovedState'] | null;
      code: string;
      reasons: components['schemas']['MoveReason'][];
      title: string;
    };
    WeeklyMovedState: {
      departmentNameAsOf: string | null;
      inNumerator: boolean;
      statusAsOf: string | null;
    };
    WeeklyOverdueEnterprise: {
      /** @description whole days from the due date to the end of the week */
      daysOverdue: number;
      /** @example 肃州区 */
      districtName: string;
      /**
       * @description the district in English (the Chinese name where none is entered)
       * @example Suzhou District
       */
      districtNameEn: string;
      /** Format: uuid */
      enterpriseId: string;
      /**
       * Format: date-time
       * @description null when never visited
       */
      lastVisitAt: string | null;
      name: string;
      /** Format: date-time */
      nextVisitDueAt: string;
      /** @description the responsible officials at the end of the week */
      officials: string[];
      /**
       * @description the tier in force at the end of the week
       * @example key
       */
      tier: string;
      /** @example 重点企业 */
      tierLabel: string;
    };
    WeeklyOverdueSupervision: {
      /** Format: date-time */
      answerBy: string;
      code: string;
      /** @description the department holding the problem at the end of the week */
      departmentName: string | null;
      leaderName: string | null;
      level: components['schemas']['SupervisionLevel'];
      /** Format: uuid */
      problemId: string;
      title: string;
      /** @description working days past the answer-by date at the end of the week */
      workingDaysOverdue: number;
    };
    WeeklyProblemItem: {
      categoryName: string;
      /** @description the category in English (the Chinese name where none is entered) */
      categoryNameEn: string;
      /** @example JQ-2025-0042 */
      code: string;
      /** @description working days past the deadline at the end of the week (overdue list only) */
      daysOverdue: number | null;
      departmentName: string | null;
      districtName: string;
      /** @description the district in English (the Chinese name where none is entered) */
      districtNameEn: string;
      /** Format: date-time */
      dueAt: string | null;
      enterpriseName: string;
      /** Format: uuid */
      id: string;
      /** @description the escalation note, or the enterprise's feedback for an unsatisfied verification */
      note: string | null;
      /** Format: date-time */
      reportedAt: string;
      status: components['schemas']['Status'];
      /** @example 办理中 */
      statusLabel: string;
      title: string;
    };
    WeeklyProjectItem: {
      /** @example XM-2025-001 */
      code: string;
      /** @description notStarted: days past the planned start date */
      daysLate: number | null;
      /** @example 市工信局 */
      departmentName: string | null;
      /** @example 肃州区 */
      districtName: string;
      /**
       * @description the district in English (the Chinese name where none is entered)
       * @example Suzhou District
       */
      districtNameEn: string;
      /** Format: uuid */
      id: string;
      /** @example 年产 5 万吨新材料项目 */
      name: string;
      /** @description heldUp: its problems open and overdue at the end */
      overdueProblems: number | null;
      /** @example 2025-03-01 */
      plannedStartDate: string | null;
      /** @description started: when construction began */
      startedAt: string | null;
    };
    WeeklyProjectLists: {
      heldUp: components['schemas']['WeeklyProjectItem'][];
      notStarted: components['schemas']['WeeklyProjectItem'][];
      started: components['schemas']['WeeklyProjectItem'][];
    };
    WeeklyProjectsSection: {
      /** @example 2 */
      heldUpByOverdueProblems: number;
      investment: components['schemas']['WeeklyInvestment'];
      /** @description at most 200 each */
      lists: components['schemas']['WeeklyProjectLists'];
      /** @example 12 */
      notStartedPastPlan: number;
      /** @example 3 */
      startedThisWeek: number;
    };
    WeeklyPublishedCounts: {
      denominator: number;
      numerator: number;
      ratePercent: number | null;
    };
    WeeklyRate: {
      /**
       * @description the definition (口径) the rate is computed under
       * @example resolution-rate/v1
       */
      definition: string;
      /** @example 2025-W14 */
      label: string;
      /**
       * @description null when nothing was recorded
       * @example 87.5
       */
      ratePercent: number | null;
      recorded: number;
      resolved: number;
    };
    WeeklyRates: {
      /** @description the previous quarter as of its end (its final figure); only in the first four weeks of a quarter */
      previousQuarter?: components['schemas']['WeeklyRate'];
      quarterToDate: components['schemas']['WeeklyRate'];
      yearToDate: components['schemas']['WeeklyRate'];
    };
    WeeklyRecomputedCounts: {
      /** @example resolution-rate/v1 */
      definition: string;
      denominator: number;
      numerator: number;
      ratePercent: number | null;
    };
    WeeklyReconciliation: {
      /**
       * @description the definition it was published under
       * @example resolution-rate/v1
       */
      definition: string;
      /** @example resolution-rate */
      figure: string;
      groupLabel: string | null;
      /** @description the items with a reason dated in the week */
      moved: components['schemas']['WeeklyMovedItem'][];
      /** @example 办结率 */
      name: string;
      now: components['schemas']['WeeklyRecomputedCounts'];
      /** @example 2025-Q1 */
      period: string;
      published: components['schemas']['WeeklyPublishedCounts'];
      /** Format: date-time */
      publishedAsOf: string;
      /** Format: uuid */
      publishedId: string;
    };
    WeeklyReport: {
      /** Format: date-time */
      asOf: string;
      /** @description the quarter-to-date department assessment (考核) */
      assessment: components['schemas']['AssessmentReport'];
      /** @description deadlines (时限管理): sign-for, extensions */
      deadlines: components['schemas']['WeeklyDeadlinesSection'];
      /** @description the definition (口径) of each rate the report prints */
      definitions: components['schemas']['WeeklyDefinitions'];
      departments: components['schemas']['WeeklyDepartmentRow'][];
      /** @description enterprises idle or reduced (停产减产) */
      enterprises: components['schemas']['WeeklyEnterprisesSection'];
      /** @description most pressing first */
      lists: components['schemas']['WeeklyLists'];
      /** @description which lists were cut at their limit */
      listsTruncated: components['schemas']['WeeklyListsTruncated'];
      /** @description key projects (重点项目) at the end of the week */
      projects: components['schemas']['WeeklyProjectsSection'];
      rates: components['schemas']['WeeklyRates'];
      /** @description present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo */
      readFrom?: components['schemas']['ReadFromResponse'];
      /** @description published figures with items that moved during the week (口径核对), recomputed as of asOf */
      reconciliations: components['schemas']['WeeklyReconciliation'][];
      summary: components['schemas']['WeeklySummary'];
      /** @description supervision (督办) and bounced problems (推诿) */
      supervision: components['schemas']['WeeklySupervisionSection'];
      /** @description the last eight weeks, this one last */
      trend: components['schemas']['WeeklyRate'][];
      /** @description the visits section (走访情况), first in every format */
      visits: components['schemas']['WeeklyVisits'];
      /** @description the ISO week (label 2025-W14) */
      week: components['schemas']['PeriodInfo'];
    };
    WeeklySummary: {
      closedThisWeek: number;
      escalatedThisWeek: number;
      openAtEnd: number;
      overdueAtEnd: number;
      recordedThisWeek: number;
      resolvedThisWeek: number;
    };
    WeeklySupervisionOpened: {
      /** @description 挂牌督办 */
      listed: number;
      /** @description 催办 */
      reminder: number;
      /** @description 督办 */
      supervision: number;
    };
    WeeklySupervisionSection: {
      /** @description supervisions active at the end of the week */
      activeAtEnd: number;
      /** @description problems bounced (推诿) at the end of the week that were returned or assigned during it; at most 200 */
      bounced: components['schemas']['BouncedProblem'][];
      /** @description supervisions opened in the week, by level */
      openedThisWeek: components['schemas']['WeeklySupervisionOpened'];
      /** @description the most working days late first; at most 200 */
      overdue: components['schemas']['WeeklyOverdueSupervision'][];
      /** @description supervisions overdue and unanswered at the end of the week (all of them) */
      overdueTotal: number;
    };
    WeeklyVisits: {
      /** @description quarter-to-date coverage (走访覆盖率) as of the end of the week */
      coverage: components['schemas']['WeeklyCoverage'];
      /** @description distinct enterprises those visits reached */
      enterprisesReached: number;
      /** @description officials with open responsibilities and no visit in the week */
      officialsWithoutVisit: components['schemas']['WeeklyIdleOfficial'][];
      /** @description most overdue first, at most 200 */
      overdueEnterprises: components['schemas']['WeeklyOverdueEnterprise'][];
      /** @description every enterprise overdue for a visit, also those beyond the list */
      overdueTotal: number;
      /** @description the week's policies, most promoted first, at most 10 */
      policies: components['schemas']['PolicyPromoted'][];
      /** @description visits made in the week, recorded and not withdrawn at its end */
      visitsThisWeek: number;
    };
    WeightsBody: {
      /**
       * @description when they take effect (a date or a timestamp with offset, not in the past); default now
       * @example 2026-01-01
       */
      effectiveFrom?: string;
      /** @description why the weights change */
      note?: string;
      /** @description on-time resolution (按期办结) */
      onTime: number;
      /** @description redos (返工) */
      redos: number;
      /** @description returns (退单) */
      returns: number;
      /** @description satisfaction (满意度) */
      satisfaction: number;
      /** @description timely sign-for (及时签收) */
      signFor: number;
      /** @description supervision (督办) */
      supervision: number;
    };
    WeightsChange: {
      /** Format: date-time */
      effectiveFrom: string;
      id: string;
      note: string | null;
      /** Format: date-time */
      recordedAt: string;
      /** Format: uuid */
      recordedBy: string;
      recordedByName: string;
      weights: components['schemas']['AssessmentWeights'];
    };
    WeightsReport: {
      /** @description the weights when none are recorded */
      defaults: components['schemas']['AssessmentWeights'];
      /** @description every change, newest first */
      history: components['schemas']['WeightsChange'][];
      /** @description the weights in force at asOf */
      weights: components['schemas']['AssessmentWeights'];
      /**
       * Format: date-time
       * @description since when they are in force; null for the defaults
       */
      weightsSince: string | null;
    };
    WithdrawDto: {
      /**
       * Format: uuid
       * @description the problem this one duplicates
       */
      duplicateOf?: string;
      /** @description why */
      reason: string;
    };
    WithdrawVisitDto: {
      /** @description why the visit is withdrawn, e.g. entered by mistake (撤回原因) */
      reason: string;
    };
    WorkingDaysPreviewResponse: {
      /** @example 3 */
      days: number;
      /**
       * @description the deadline: the end of the last working day, i.e. the next midnight in the report time zone
       * @example 2025-02-05T16:00:00.000Z
       */
      dueAt: string;
      /**
       * @description the start instant, as given
       * @example 2025-01-24T02:00:00.000Z
       */
      from: string;
      /**
       * Format: date
       * @description the last working day of the time limit
       * @example 2025-02-05
       */
      lastWorkingDay: string;
      /**
       * @description the time zone the days are counted in
       * @example Asia/Shanghai
       */
      timezone: string;
      /**
       * @description years from the start to the last working day with no public holiday entered: there every weekday counts as a working day, so the deadline may come too early (empty when the calendar covers the span)
       * @example []
       */
      uncoveredYears: number[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  NotificationAdminController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChannelListResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationAdminController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateChannelDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChannelResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationAdminController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationAdminController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateChannelDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChannelResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationAdminController_deliveries: {
    parameters: {
      query?: {
        /** @description `failed`: the dead-letter list */
        status?: 'pending' | 'delivered' | 'failed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryListResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationAdminController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AssessmentController_weights: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WeightsReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AssessmentController_setWeights: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WeightsBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WeightsReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AttachmentsController_file: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
          'image/jpeg': string;
          'image/png': string;
          'image/webp': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AttachmentsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AttachmentsController_thumbnail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the thumbnail */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_locks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginLockResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_liftLock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description lifted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out; sign in again for a new token */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CalendarController_list: {
    parameters: {
      query?: {
        /** @description the calendar year; default the current year in the report time zone */
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarYearResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CalendarController_coverage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarCoverageResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CalendarController_setDay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a real calendar date, YYYY-MM-DD (2025-02-30 is refused with 400) */
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetCalendarDayDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarDayResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CalendarController_removeDay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description a real calendar date, YYYY-MM-DD (2025-02-30 is refused with 400) */
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CalendarController_preview: {
    parameters: {
      query: {
        /** @description the time limit in working days */
        days: number;
        /** @description the instant counting starts from (e.g. when the problem is assigned); ISO 8601 with an offset */
        from: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkingDaysPreviewResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReferenceController_categories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CalendarController_updateCategory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description the category code */
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCategoryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReferenceController_departments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReferenceController_createDepartment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDepartmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReferenceController_districts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DistrictResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterprisesController_list: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        /** @description district code */
        district?: string;
        industry?: string;
        limit?: number;
        /** @description part of the name or of the credit code */
        q?: string;
        /** @description enterprises this user answers for now */
        responsibleUserId?: string;
        tier?: 'key' | 'above_scale' | 'other';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterprisePage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterprisesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEnterpriseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterprisesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterprisesController_update: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateEnterpriseDto'];
      };
    };
    responses: {
      /** @description the enterprise after the edit; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterprisesController_changes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnterpriseChangeResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductionController_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatusHistoryResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductionController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordProductionStatusDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordedStatusResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_list: {
    parameters: {
      query?: {
        /** @description as known at this instant: rows and ends recorded later are left out; default now */
        asOf?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResponsibilityResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_assign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignResponsibilityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResponsibilityResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterpriseImportController_import: {
    parameters: {
      query?: {
        /** @description true: validate and report what would happen, write nothing */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description .xlsx or .csv, at most 5 MB
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportResultResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EnterpriseImportController_template: {
    parameters: {
      query?: {
        format?: 'xlsx' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv; charset=utf-8': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ExtensionsController_list: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        limit?: number;
        status?: 'pending' | 'approved' | 'refused' | 'lapsed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example ok */
            status?: string;
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example error */
            status?: string;
          };
        };
      };
    };
  };
  ResponsibilitiesController_mine: {
    parameters: {
      query?: {
        /** @description week: due within 7 days or overdue */
        due?: 'week';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyEnterprisesResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_preferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_savePreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreferencesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SavedViewsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedViewResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SavedViewsController_save: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveViewDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedViewResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SavedViewsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReferenceController_meta: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetaResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_inbox: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        limit?: number;
        /** @description true: the unread ones only */
        unread?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationItem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_readAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadAllResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_list: {
    parameters: {
      query?: {
        /** @description true: bounced (推诿) now: left a department twice or more, or assigned to more than two */
        bounced?: boolean;
        /** @description category code */
        category?: string;
        /** @description who recorded it: a user id, or "me" for the caller */
        createdBy?: string;
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        departmentId?: string;
        /** @description district code */
        district?: string;
        enterpriseId?: string;
        escalated?: boolean;
        limit?: number;
        /** @description true: past its due date and not resolved, closed or withdrawn */
        overdue?: boolean;
        /** @description text in the title, description or enterprise name (Chinese works) */
        q?: string;
        /** @description reportedAt at or after this instant */
        reportedFrom?: string;
        /** @description reportedAt before this instant */
        reportedTo?: string;
        /** @description a leading - sorts newest/latest first */
        sort?:
          | '-reportedAt'
          | 'reportedAt'
          | 'dueAt'
          | '-dueAt'
          | '-lastActivityAt'
          | 'lastActivityAt'
          | '-daysOpen'
          | 'daysOpen'
          | '-daysOverdue'
          | 'daysOverdue';
        /** @description comma list of reported, assigned, in_progress, resolved, closed, withdrawn */
        status?: string[];
        /** @description true: the answer carries `total`, how many problems the whole walk holds (one more count query) */
        withTotal?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description retries with the same key create nothing new */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProblemDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_accept: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OptionalNoteDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_approveExtension: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OptionalNoteDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_assign: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_assistDone: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssistDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_assistProgress: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssistDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AttachmentsController_addToProblem: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key and the same files stores nothing new */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description problems only: the event (progress note, resolution) they come with */
          eventId?: string;
          /** @description one or more photos (JPEG, PNG, WebP) or PDFs, checked by content; at most 10 MB and 10 files */
          file: string[];
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttachmentUploadResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_escalate: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EscalateDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_lift: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_progress: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProgressDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_linkProject: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkProjectDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_refuseExtension: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_reopen: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_requestExtension: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestExtensionDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_resolve: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_return: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  TrackingLinksController_link: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrackingLinkResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  TrackingLinksController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description revoked (also when there was none) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  TrackingLinksController_qr: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description an SVG image */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/svg+xml': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_verify: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerifyDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsController_withdraw: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawDto'];
      };
    };
    responses: {
      /** @description the problem after the action; ETag carries the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProblemsExportController_export: {
    parameters: {
      query: {
        /** @description true: bounced (推诿) now: left a department twice or more, or assigned to more than two */
        bounced?: boolean;
        /** @description category code */
        category?: string;
        /** @description who recorded it: a user id, or "me" for the caller */
        createdBy?: string;
        departmentId?: string;
        /** @description district code */
        district?: string;
        enterpriseId?: string;
        escalated?: boolean;
        format: 'xlsx' | 'csv';
        /** @description language of the headings and labels */
        lang?: 'zh' | 'en';
        /** @description true: past its due date and not resolved, closed or withdrawn */
        overdue?: boolean;
        /** @description text in the title, description or enterprise name (Chinese works) */
        q?: string;
        /** @description reportedAt at or after this instant */
        reportedFrom?: string;
        /** @description reportedAt before this instant */
        reportedTo?: string;
        /** @description a leading - sorts newest/latest first */
        sort?:
          | '-reportedAt'
          | 'reportedAt'
          | 'dueAt'
          | '-dueAt'
          | '-lastActivityAt'
          | 'lastActivityAt'
          | '-daysOpen'
          | 'daysOpen'
          | '-daysOverdue'
          | 'daysOverdue';
        /** @description comma list of reported, assigned, in_progress, resolved, closed, withdrawn */
        status?: string[];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, streamed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv; charset=utf-8': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_list: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        departmentId?: string;
        /** @description district code */
        district?: string;
        industry?: string;
        kind?: 'new' | 'continuing';
        limit?: number;
        /** @description only projects with an overdue open problem (held up) */
        overdueProblems?: boolean;
        /** @description only projects past their planned start and not started */
        pastPlannedStart?: boolean;
        planYear?: number;
        /** @description part of the name or the code */
        q?: string;
        sort?:
          | 'code'
          | '-code'
          | 'name'
          | '-name'
          | 'plannedStartDate'
          | '-plannedStartDate'
          | 'investmentToDate'
          | '-investmentToDate';
        stage?: 'preparation' | 'started' | 'completed' | 'in_production';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProjectDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_update: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_investment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        month: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InvestmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsController_stage: {
    parameters: {
      query?: never;
      header: {
        /** @description the version last read, e.g. "3" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectDetailResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsTransferController_export: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        departmentId?: string;
        /** @description district code */
        district?: string;
        format?: 'xlsx' | 'csv';
        industry?: string;
        kind?: 'new' | 'continuing';
        limit?: number;
        /** @description only projects with an overdue open problem (held up) */
        overdueProblems?: boolean;
        /** @description only projects past their planned start and not started */
        pastPlannedStart?: boolean;
        planYear?: number;
        /** @description part of the name or the code */
        q?: string;
        sort?:
          | 'code'
          | '-code'
          | 'name'
          | '-name'
          | 'plannedStartDate'
          | '-plannedStartDate'
          | 'investmentToDate'
          | '-investmentToDate';
        stage?: 'preparation' | 'started' | 'completed' | 'in_production';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv; charset=utf-8': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsTransferController_import: {
    parameters: {
      query?: {
        /** @description true: check and report, change nothing */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description .xlsx or .csv, at most 5 MB
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectImportResultResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectsTransferController_template: {
    parameters: {
      query?: {
        format?: 'xlsx' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv; charset=utf-8': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  DrillDownController_items: {
    parameters: {
      query?: {
        /** @description the figure's instant, or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        category?: string;
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        /** @description the department as of the instant */
        departmentId?: string;
        district?: string;
        enterpriseId?: string;
        /** @description csv and xlsx: every item, as a file */
        format?: 'json' | 'csv' | 'xlsx';
        /** @description with to, instead of period */
        from?: string;
        /** @description with groupBy: one group's key, as the figure's groups give it; `none` for the group without a key */
        group?: string;
        /** @description one of the figure's groupings (its definition lists them) */
        groupBy?: string;
        /** @description only the items in (or out of) the numerator */
        inNumerator?: 'true' | 'false';
        lang?: 'zh' | 'en';
        limit?: number;
        /** @description a quarter, a month 2025-03, an ISO week 2025-W14 or a year */
        period?: string;
        /** @description words in the code, title or enterprise name */
        q?: string;
        /** @description comma list of statuses as of the instant */
        status?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path: {
        figure:
          | 'resolution-rate'
          | 'on-time-rate'
          | 'on-time-with-extension-rate'
          | 'satisfaction-rate'
          | 'sign-for-rate'
          | 'visit-coverage-rate'
          | 'project-start-rate'
          | 'assist-on-time-rate';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DrillDownPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AssessmentController_ranking: {
    parameters: {
      query: {
        /** @description the instant the score is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        format?: 'json' | 'xlsx';
        /** @description the language of the spreadsheet */
        lang?: 'zh' | 'en';
        /** @description a month (2025-03) or a quarter (2025-Q1) */
        period: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the ranking, as JSON or a spreadsheet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssessmentReport'];
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AssessmentController_deductions: {
    parameters: {
      query: {
        /** @description as for the ranking */
        asOf?: string;
        /** @description only this component */
        component?: components['schemas']['AssessmentComponent'];
        /** @description a month (2025-03) or a quarter (2025-Q1) */
        period: string;
      };
      header?: never;
      path: {
        departmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeductionsReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_assists: {
    parameters: {
      query?: {
        /** @description the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        /** @description with to, instead of period: a date or a timestamp with offset */
        from?: string;
        /** @description the only grouping: per assisting department */
        groupBy?: 'department';
        /** @description a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025 */
        period?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssistFiguresReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_bouncedProblems: {
    parameters: {
      query?: {
        /** @description the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        /** @description with to, instead of period: a date or a timestamp with offset */
        from?: string;
        /** @description a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025 */
        period?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BouncedReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  DrillDownController_definitions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Definition'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_figures: {
    parameters: {
      query?: {
        /** @description the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        /** @description with to, instead of period: a date or a timestamp with offset */
        from?: string;
        groupBy?: 'department' | 'district' | 'category' | 'industry';
        /** @description a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025 */
        period?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FiguresWithVisitsReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductionController_figures: {
    parameters: {
      query?: {
        /** @description the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        /** @description with to, instead of period: a date or a timestamp with offset */
        from?: string;
        groupBy?: 'district' | 'industry';
        /** @description a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025 */
        period?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductionReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProjectFiguresController_report: {
    parameters: {
      query: {
        /** @description the instant the figures are taken at; default the end of the period, or now if it has not ended */
        asOf?: string;
        groupBy?: 'district' | 'industry' | 'department';
        /** @description a quarter, a month, an ISO week or a year */
        period: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectFiguresReportResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PublishedController_list: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        figure?:
          | 'resolution-rate'
          | 'on-time-rate'
          | 'on-time-with-extension-rate'
          | 'satisfaction-rate'
          | 'sign-for-rate'
          | 'visit-coverage-rate'
          | 'project-start-rate'
          | 'assist-on-time-rate';
        limit?: number;
        /** @description the period's label as published */
        period?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishedList'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PublishedController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishBody'];
      };
    };
    responses: {
      /** @description already published, with the same items */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishedFigure'];
        };
      };
      /** @description published now */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishedFigure'];
        };
      };
      /** @description published before with other items (PUBLISHED_DIFFERS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PublishedController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishedFigure'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PublishedController_items: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        /** @description csv and xlsx: every item */
        format?: 'json' | 'csv' | 'xlsx';
        /** @description only the items in (or out of) the numerator */
        inNumerator?: 'true' | 'false';
        lang?: 'zh' | 'en';
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishedItemsPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PublishedController_reconciliation: {
    parameters: {
      query?: {
        /** @description the instant to recompute the figure at, or now (the default) */
        asOf?: string;
        format?: 'json' | 'csv';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Reconciliation'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_resolutionRate: {
    parameters: {
      query?: {
        /** @description the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        /** @description with to, instead of period: a date or a timestamp with offset */
        from?: string;
        groupBy?: 'department' | 'district' | 'category' | 'industry';
        /** @description a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025 */
        period?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResolutionRateReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_trend: {
    parameters: {
      query?: {
        granularity?: 'quarter' | 'month' | 'week';
        /** @description how many consecutive periods */
        periods?: number;
        /** @description the trend ends with the period just before this instant (exclusive); default: the current period */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrendReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_visits: {
    parameters: {
      query?: {
        /** @description the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended */
        asOf?: string;
        /** @description with to, instead of period: a date or a timestamp with offset */
        from?: string;
        groupBy?: components['schemas']['VisitGroupBy'];
        /** @description a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025 */
        period?: string;
        /** @description exclusive end, with from */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitsReport'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReportsController_weekly: {
    parameters: {
      query: {
        /** @description html is a printable page with SVG charts; docx a Word document (通报) with the same sections and charts */
        format?: 'json' | 'xlsx' | 'csv' | 'html' | 'docx';
        /** @description language of headings in files and the page */
        lang?: 'zh' | 'en';
        /** @description an ISO week: Monday 00:00 to the next Monday 00:00, report time zone */
        week: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report in the format asked for */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WeeklyReport'];
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
          'text/csv': string;
          'text/html': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EndResponsibilityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResponsibilityResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_candidates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CandidateResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_handover: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HandoverDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HandoverResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_import: {
    parameters: {
      query?: {
        /** @description true: check every row and report, write nothing */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description .xlsx or .csv, at most 5 MB
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentImportResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_template: {
    parameters: {
      query?: {
        format?: 'xlsx' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv; charset=utf-8': string;
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ReferenceController_statuses: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatusResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SupervisionsController_list: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        level?: components['schemas']['SupervisionLevel'];
        limit?: number;
        /** @description active: not lifted; overdue: active, unanswered and past its answer-by date; lifted: lifted or superseded; all */
        status?: 'active' | 'overdue' | 'lifted' | 'all';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SupervisionPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_tiers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TierIntervalResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResponsibilitiesController_setTier: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTierDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TierIntervalResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  TrackController_track: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrackResponse'];
        };
      };
      /** @description an error; 404 alike for unknown, expired and revoked links */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  TrackController_rate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RatingDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RatingResponse'];
        };
      };
      /** @description an error; 404 alike for unknown, expired and revoked links */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  VisitsController_list: {
    parameters: {
      query?: {
        /** @description opaque; the nextCursor of the previous page */
        cursor?: string;
        /** @description the enterprise's district code */
        district?: string;
        enterpriseId?: string;
        /** @description visitedAt at or after this instant */
        from?: string;
        limit?: number;
        /** @description a visiting official: a user id, or "me" for the caller */
        officialId?: string;
        /** @description a leading - sorts latest first */
        sort?: '-visitedAt' | 'visitedAt';
        /** @description default: both, each item saying which */
        status?: 'recorded' | 'withdrawn';
        /** @description the enterprise's tier now */
        tier?: 'key' | 'above_scale' | 'other';
        /** @description visitedAt before this instant */
        to?: string;
        /** @description true: visits that logged a problem (one the caller may see); false: none */
        withProblems?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitPage'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  VisitsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description retries with the same key create nothing new */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateVisitDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  VisitsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitViewResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  VisitsController_amend: {
    parameters: {
      query?: never;
      header: {
        /** @description the revision last read, e.g. "2" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AmendVisitDto'];
      };
    };
    responses: {
      /** @description the visit after the amendment; ETag carries the revision */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitViewResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AttachmentsController_addToVisit: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key and the same files stores nothing new */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description problems only: the event (progress note, resolution) they come with */
          eventId?: string;
          /** @description one or more photos (JPEG, PNG, WebP) or PDFs, checked by content; at most 10 MB and 10 files */
          file: string[];
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttachmentUploadResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  VisitsController_revisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitRevisionResponse'][];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  VisitsController_withdraw: {
    parameters: {
      query?: never;
      header: {
        /** @description the revision last read, e.g. "2" */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawVisitDto'];
      };
    };
    responses: {
      /** @description the visit, withdrawn */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VisitViewResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WarningsController_list: {
    parameters: {
      query?: {
        /** @description only this level; the counts always cover every level */
        level?:
          | 'overdue'
          | 'due_soon'
          | 'stale'
          | 'not_visited'
          | 'unassigned'
          | 'project_not_started'
          | 'idle_not_visited'
          | 'sign_for_overdue'
          | 'supervision_overdue';
        /** @description at most this many items, the first in the list order (a dashboard panel asks for a few) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarningsResponse'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WarningsController_scan: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScanResult'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
