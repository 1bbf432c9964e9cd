import { describe, expect, it } from "vitest";
import { carriedPhrase, phrasesOf } from "../../plugins/syndication/render/phrases.js";

describe("phrases of an embargoed text, found on a built page", () => {
  const body = "The [city council](https://city.example/council) will set next year's budget on Tuesday, after hearings.\n\nShort line.\n";

  it("are the first ten words of each paragraph long enough, without link addresses", () => {
    expect(phrasesOf(body)).toEqual(["the city council will set next year s budget on"]);
  });

  it("are found in HTML with entities, and in a feed's escaped HTML, but not in other text", () => {
    const [phrase] = phrasesOf(body);
    expect(carriedPhrase("<p>The <a href='/x'>city council</a> will set next year&#39;s budget on Tuesday</p>", [phrase!])).toBe(phrase);
    expect(carriedPhrase("<content type=\"html\">&lt;p&gt;The city council will set next year&amp;#39;s budget on&lt;/p&gt;</content>", [phrase!])).toBe(phrase);
    expect(carriedPhrase("<p>The city council will set next year's plan on Tuesday</p>", [phrase!])).toBeUndefined();
    // Whole words only: "the city" inside "bathe city" is not the phrase's start.
    expect(carriedPhrase("<p>bathe city council will set next year's budget on</p>", [phrase!])).toBeUndefined();
  });
});
