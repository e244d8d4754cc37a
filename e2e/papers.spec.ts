import { papersScenario } from './papers-flow';

papersScenario('desktop');
