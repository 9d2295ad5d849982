// Settings: defaults, overrides, and readable refusals of bad values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveConfig } from "../src/config.ts";

test("defaults apply, overrides win, the base URL gets its trailing slash", () => {
  const config = resolveConfig({ title: "Daily Morgue", baseUrl: "https://archive.example.org/news" });
  assert.equal(config.title, "Daily Morgue");
  assert.equal(config.baseUrl, "https://archive.example.org/news/");
  assert.equal(config.timezone, "America/New_York");
  assert.equal(config.itemsPerPage, 50);
});

test("a bad value is refused with the key and the reason", () => {
  assert.throws(() => resolveConfig({ timezone: "Mars/Olympus" }), /timezone: not an IANA time zone/);
  assert.throws(() => resolveConfig({ baseUrl: "not a url" }), /baseUrl/);
  assert.throws(() => resolveConfig({ itemsPerPage: 0 }), /itemsPerPage/);
});

test("regression: an unknown key is refused with a did-you-mean, naming the file given (issue 11)", () => {
  assert.throws(() => resolveConfig({ titel: "x" }, "other.json"), /^UserError: other\.json: unknown setting "titel" \(did you mean "title"\?\)$/m);
  assert.throws(() => resolveConfig({ colour: "red" }, "other.json"), /unknown setting "colour" \(known settings: title, /);
  assert.throws(() => resolveConfig({ itemsPerPage: 0 }, "site.json"), /site\.json: itemsPerPage: /);
});
