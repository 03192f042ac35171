"use strict";
// The API is read-only and anonymous: Swagger UI sends no credentials and no token, and sets no cookie.
SwaggerUIBundle({
  url: "{{ schema_url|escapejs }}",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  deepLinking: true,
  ...{{ settings|safe }},
});
