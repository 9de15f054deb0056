import type { Meta } from '@storybook/web-components-vite';
import { blockMeta, blockStories } from './blocks.js';

const meta: Meta = { ...blockMeta, title: 'Blocks/Sessions table', component: 'dozor-sessions-table' };
export default meta;
const stories = blockStories('dozor-sessions-table');
export const Data = stories.Data;
export const Empty = stories.Empty;
export const Loading = stories.Loading;
export const Error = stories.Error;
export const Dark = stories.Dark;
