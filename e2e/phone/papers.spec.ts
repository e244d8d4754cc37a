import { papersScenario } from '../papers-flow';

papersScenario('phone');
