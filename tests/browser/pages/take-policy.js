// Takes the page's one allowed Trusted Types policy name before the component can, as a
// script of the site's own might: the component must then do without a worker of its own.
trustedTypes.createPolicy('minutes-outline', { createScriptURL: () => { throw new TypeError('not yours'); } });
