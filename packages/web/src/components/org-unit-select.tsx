import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnitNode } from '@chp/core';
import { listOrgUnits } from '../api/counties.js';

interface TreeNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

/** Village level: nothing lies below it. */
const LEAF_LEVEL = 5;

const toNode = (u: OrgUnitNode): TreeNode => ({
  id: u.code,
  pId: u.parentCode,
  value: u.code,
  title: u.name,
  isLeaf: u.level >= LEAF_LEVEL,
});

/** Picks an org unit, loading each level's children from the server as it opens. */
export function OrgUnitSelect({ value, onChange }: { value?: string; onChange?: (code: string) => void }) {
  const [nodes, setNodes] = useState<TreeNode[]>([]);

  useEffect(() => {
    listOrgUnits().then(
      (units) => {
        setNodes(units.map(toNode));
      },
      () => {
        setNodes([]);
      }
    );
  }, []);

  const loadChildren = async (parent: string): Promise<void> => {
    const children = await listOrgUnits(parent);
    setNodes((prev) => [...prev, ...children.filter((c) => !prev.some((p) => p.id === c.code)).map(toNode)]);
  };

  return (
    <TreeSelect
      data-testid="org-unit-select"
      style={{ width: 260 }}
      value={value}
      onChange={onChange}
      treeDataSimpleMode
      treeData={nodes}
      loadData={({ value: code }) => loadChildren(String(code))}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}
