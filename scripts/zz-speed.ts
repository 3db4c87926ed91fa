import { syntheticArticle } from './lib/synthetic-articles.ts';
import { articleAddress } from '../src/store/canonical-url.ts';
import { ingestArticle } from '../src/store/ingest.ts';
import { freshDatabase } from '../src/store/test-support.ts';
const db = freshDatabase();
const options = { people: 20_000, claims: 3_000, peoplePerArticle: 6, seed: 1 };
let t0 = performance.now();
for (let i = 0; i < 3000; i++) {
  const t = performance.now();
  const { page, article } = syntheticArticle(i, options);
  await ingestArticle(db, articleAddress(page, article.metadata.url), article);
  if (i % 500 === 499) {
    console.log(i, (performance.now() - t).toFixed(1), 'avg', ((performance.now() - t0) / 500).toFixed(1));
    t0 = performance.now();
  }
}
console.log(await db.people.count(), await db.claims.count(), await db.mentions.count());
