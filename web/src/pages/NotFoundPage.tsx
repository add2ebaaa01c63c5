import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={forbidden ? '403' : '404'}
      title={<PageTitle title={forbidden ? t('无权访问', 'Not allowed') : t('页面不存在', 'Page not found')} />}
      subTitle={
        forbidden
          ? t('您的角色不能打开此页面。', 'Your role cannot open this page.')
          : t('请检查地址。', 'Check the address.')
      }
      extra={<Button onClick={() => navigate('/')}>{t('返回首页', 'Home')}</Button>}
    />
  );
}
