import { DataSource, In } from 'typeorm';
import { PracticeEntity } from './entities/practice.entity';

/** A step as far as its title goes: the catalogue practice it came from, and its own title. */
interface Step {
  practiceId: string | null;
  title: string;
}

/**
 * Step titles follow the reader's language where the catalogue has both: a step copied from a
 * practice keeps the practice's Dutch title, so its English title is the practice's English one.
 * A step whose title was changed (or a custom step) has no English title: it stays as written.
 * One query for all the steps' practices.
 */
export async function englishStepTitles(
  dataSource: DataSource,
  steps: readonly Step[],
): Promise<(step: Step) => string | null> {
  const ids = [...new Set(steps.map((s) => s.practiceId).filter((id): id is string => !!id))];
  const practices = ids.length
    ? await dataSource
        .getRepository(PracticeEntity)
        .find({ select: { id: true, titleNl: true, titleEn: true }, where: { id: In(ids) } })
    : [];
  const byId = new Map(practices.map((p) => [p.id, p]));
  return (step) => {
    const practice = step.practiceId ? byId.get(step.practiceId) : undefined;
    return practice && practice.titleNl === step.title ? practice.titleEn : null;
  };
}
