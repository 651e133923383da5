import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "What did it bring?": one note per agreement, period and author. Seen by the team and its ambassadors. */
@Entity({ name: 'reflection' })
export class ReflectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'agreement_id', type: 'varchar', length: 36 }) agreementId!: string;
  @Column({ name: 'period_key', type: 'varchar', length: 10 }) periodKey!: string;
  @Column({ name: 'author_id', type: 'varchar', length: 36 }) authorId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'varchar', length: 24 }) at!: string;
}

@Entity({ name: 'pulse_question' })
export class PulseQuestionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'text_nl', type: 'varchar', length: 300 }) textNl!: string;
  @Column({ name: 'text_en', type: 'varchar', length: 300 }) textEn!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity({ name: 'pulse_round' })
export class PulseRoundEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'team_id', type: 'varchar', length: 36 }) teamId!: string;
  @Column({ name: 'opened_on', type: 'varchar', length: 10 }) openedOn!: string;
  @Column({ name: 'closed_on', type: 'varchar', length: 10, nullable: true }) closedOn!:
    string | null;
  @Column({ name: 'opened_by', type: 'varchar', length: 36 }) openedBy!: string;
  /** JSON array of question ids, fixed when the round opens. */
  @Column({ name: 'question_ids', type: 'text' }) questionIds!: string;
}

/** That someone answered a round — never what they answered. */
@Entity({ name: 'pulse_response' })
export class PulseResponseEntity {
  @PrimaryColumn({ name: 'round_id', type: 'varchar', length: 36 }) roundId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
}

/** One anonymous score: no person, no time. */
@Entity({ name: 'pulse_answer' })
export class PulseAnswerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'round_id', type: 'varchar', length: 36 }) roundId!: string;
  @Column({ name: 'question_id', type: 'varchar', length: 36 }) questionId!: string;
  @Column({ type: 'integer' }) score!: number;
}
