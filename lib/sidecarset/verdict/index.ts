/** Was a rollout lossless? Verdicts from traffic-probe samples. */
export * from './verdict';
